import { type PointText, tagPair } from './k6-point-text.ts';
import type { K6MetricType } from './k6-samples.ts';

/** `name{tag:value,tag:value}` into the metric name and the tags a point must carry. */
export function selector(metric: string): { name: string; tags: [string, string][] } {
  const open = metric.indexOf('{');
  if (open < 0) return { name: metric, tags: [] };
  const tags = metric
    .slice(open + 1, metric.lastIndexOf('}'))
    .split(',')
    .filter((pair) => pair.includes(':'))
    .map((pair) => {
      const at = pair.indexOf(':');
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as [string, string];
    });
  return { name: metric.slice(0, open), tags };
}

export interface SeriesPart {
  types: Array<[string, K6MetricType]>;
  series: Array<[string, Float64Array]>;
  first: number;
  last: number;
}

/**
 * What a script's thresholds need of a run's raw samples, and nothing more: the values of each
 * threshold's metric selector (plain numbers, so that percentiles stay exact), each metric's type, and
 * the time span of the samples read (a counter's `rate` is per second of it). Points of metrics no
 * threshold names are not kept.
 */
export class ThresholdSeries {
  readonly types = new Map<string, K6MetricType>();
  private readonly byMetric = new Map<
    string,
    Array<{ key: string; tags: [string, string][]; pairs: string[] }>
  >();
  private readonly series = new Map<string, number[]>();
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  constructor(thresholds: Record<string, readonly string[]>) {
    for (const key of Object.keys(thresholds)) {
      const { name, tags } = selector(key);
      const list = this.byMetric.get(name) ?? [];
      list.push({ key, tags, pairs: tags.map(([tag, value]) => tagPair(tag, value)) });
      this.byMetric.set(name, list);
      this.series.set(key, []);
    }
  }

  /** The metrics whose points a threshold needs. */
  get metrics(): string[] {
    return [...this.byMetric.keys()];
  }

  /** Counts a sample's time in the span; adds its value to every selector it matches. */
  add(metric: string, time: number, value: number, tags: Record<string, string>): void {
    this.span(time);
    for (const { key, tags: wanted } of this.byMetric.get(metric) ?? [])
      if (wanted.every(([tag, v]) => tags[tag] === v)) (this.series.get(key) as number[]).push(value);
  }

  /** The same for a point read as text (pointText): its tags are matched as `"key":"value"` pairs. */
  addText(metric: string, point: PointText): void {
    this.span(point.time);
    for (const { key, pairs } of this.byMetric.get(metric) ?? [])
      if (pairs.every((pair) => point.tags.includes(pair)))
        (this.series.get(key) as number[]).push(point.value);
  }

  private span(time: number): void {
    if (time < this.first) this.first = time;
    if (time > this.last) this.last = time;
  }

  /** The values of one threshold's selector, in the order read. */
  values(key: string): number[] {
    return this.series.get(key) ?? [];
  }

  /** What a part of a run's samples gave (a worker's share), to be merged into the whole. */
  toPart(): SeriesPart {
    return {
      types: [...this.types],
      series: [...this.series].map(([key, values]) => [key, Float64Array.from(values)]),
      first: this.first,
      last: this.last,
    };
  }

  /** Adds a part's samples after those already read (parts in file order keep a gauge's last value). */
  merge(part: SeriesPart): void {
    for (const [name, type] of part.types) this.types.set(name, type);
    for (const [key, values] of part.series) {
      const list = this.series.get(key);
      if (list) for (const value of values) list.push(value);
    }
    if (part.last >= part.first) {
      this.span(part.first);
      this.span(part.last);
    }
  }

  /** Seconds from the first to the last sample read. */
  get seconds(): number {
    return this.last > this.first ? (this.last - this.first) / 1000 : 0;
  }
}
