import { failCode } from '../../history/op-fields.ts';
import type { History } from '../../history/operation.ts';
import type { StackedChart } from '../chart-spec.ts';
import { countInBuckets } from '../step-series.ts';
import { durationText } from './latency-chart.ts';

const maxBuckets = 120;

/** Refusals (fail completions) by code over time, counted per time bucket and stacked; null when none. */
export function refusalChart(history: History, span: { start: number; end: number }): StackedChart | null {
  const events: Array<[number, string]> = [];
  for (const op of history.ops) {
    if (op.completion !== 'fail') continue;
    const code = failCode(op);
    const status = (op.result as { status?: unknown } | null)?.status;
    events.push([op.completedAt, typeof code === 'string' ? code : `status ${String(status)}`]);
  }
  if (events.length === 0) return null;
  const buckets = Math.max(1, Math.min(maxBuckets, Math.ceil(events.length / 2)));
  const { x, counts } = countInBuckets(events, span.start, span.end, buckets);
  const codes = [...counts.keys()].sort();
  const width = Math.max(span.end - span.start, 1) / buckets;
  return {
    kind: 'stacked',
    title: 'Refusals by code over time',
    note: `${events.length} refusals, counted per ${durationText(width)} by when they came back, the codes stacked.`,
    xLabel: 'seconds from the start',
    xUnit: 's',
    yLabel: 'refusals',
    // The last bucket holds until the end of the run (a step is drawn from each x to the next).
    x: [...x, span.end].map((micros) => +((micros - span.start) / 1e6).toFixed(6)),
    series: codes.map((code) => {
      const values = counts.get(code) as number[];
      return { label: code, values: [...values, values[values.length - 1] as number] };
    }),
  };
}
