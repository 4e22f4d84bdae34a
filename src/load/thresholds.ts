import type { K6MetricType, K6Point, K6Samples } from './k6-samples.ts';

/** One threshold expression of a script, evaluated over the raw samples of the whole run. */
export interface ThresholdResult {
  /** The metric with its tag selector, as the script wrote it: `http_req_duration{op:captureHold}`. */
  metric: string;
  expression: string;
  /** The aggregated value the expression compared; null when the expression cannot be read. */
  actual: number | null;
  ok: boolean;
}

const expressionPattern =
  /^\s*(avg|min|max|med|count|rate|value|p\((\d+(?:\.\d+)?)\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** `name{tag:value,tag:value}` into the metric name and the tags a point must carry. */
function selector(metric: string): { name: string; tags: [string, string][] } {
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

/** The percentile k6 reports: linear interpolation between the closest ranks. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(sorted.length - 1, low + 1);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
}

function aggregate(
  kind: string,
  p: string | undefined,
  type: K6MetricType,
  values: number[],
  seconds: number,
): number {
  const sum = values.reduce((a, b) => a + b, 0);
  if (type === 'counter') return kind === 'rate' ? (seconds > 0 ? sum / seconds : 0) : sum;
  if (type === 'rate') return values.length === 0 ? 0 : values.filter((v) => v !== 0).length / values.length;
  if (type === 'gauge') return values.at(-1) ?? 0;
  const sorted = [...values].sort((a, b) => a - b);
  if (kind === 'avg') return values.length === 0 ? 0 : sum / values.length;
  if (kind === 'min') return sorted[0] ?? 0;
  if (kind === 'max') return sorted.at(-1) ?? 0;
  if (kind === 'count') return values.length;
  return percentile(sorted, kind === 'med' ? 50 : Number(p));
}

function compare(actual: number, operator: string, expected: number): boolean {
  if (operator === '<') return actual < expected;
  if (operator === '<=') return actual <= expected;
  if (operator === '>') return actual > expected;
  if (operator === '>=') return actual >= expected;
  if (operator === '!=') return actual !== expected;
  return actual === expected;
}

/**
 * Evaluates the script's thresholds over the merged raw samples of every k6 process of the run, so
 * that percentiles are those of the whole run (a percentile of per-process percentiles is not one).
 */
export function evaluateThresholds(
  thresholds: Record<string, readonly string[]>,
  samples: K6Samples,
): ThresholdResult[] {
  const times = samples.points.map((point) => point.time);
  const seconds = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
  const byMetric = new Map<string, K6Point[]>();
  for (const point of samples.points) {
    const list = byMetric.get(point.metric);
    if (list) list.push(point);
    else byMetric.set(point.metric, [point]);
  }
  const results: ThresholdResult[] = [];
  for (const [metric, expressions] of Object.entries(thresholds)) {
    const { name, tags } = selector(metric);
    const values = (byMetric.get(name) ?? [])
      .filter((point) => tags.every(([tag, value]) => point.tags[tag] === value))
      .map((point) => point.value);
    const type = samples.types.get(name) ?? 'counter';
    for (const expression of expressions) {
      const match = expressionPattern.exec(expression);
      if (!match) {
        results.push({ metric, expression, actual: null, ok: false });
        continue;
      }
      const [, kind, p, operator, bound] = match as unknown as [
        string,
        string,
        string | undefined,
        string,
        string,
      ];
      const actual = aggregate(kind.startsWith('p(') ? 'p' : kind, p, type, values, seconds);
      results.push({ metric, expression, actual, ok: compare(actual, operator, Number(bound)) });
    }
  }
  return results;
}
