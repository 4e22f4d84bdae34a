import type { K6MetricType, K6Samples } from './k6-samples.ts';
import { ThresholdSeries } from './threshold-series.ts';

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

/** The percentile k6 reports: linear interpolation between the closest ranks. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
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
  values: readonly number[],
  sorted: () => Float64Array,
  seconds: number,
): number {
  let sum = 0;
  for (const value of values) sum += value;
  if (type === 'counter') return kind === 'rate' ? (seconds > 0 ? sum / seconds : 0) : sum;
  if (type === 'rate') {
    let nonZero = 0;
    for (const value of values) if (value !== 0) nonZero += 1;
    return values.length === 0 ? 0 : nonZero / values.length;
  }
  if (type === 'gauge') return values.at(-1) ?? 0;
  if (kind === 'avg') return values.length === 0 ? 0 : sum / values.length;
  if (kind === 'count') return values.length;
  const order = sorted();
  if (kind === 'min') return order[0] ?? 0;
  if (kind === 'max') return order.at(-1) ?? 0;
  return percentile(order, kind === 'med' ? 50 : Number(p));
}

function compare(actual: number, operator: string, expected: number): boolean {
  if (operator === '<') return actual < expected;
  if (operator === '<=') return actual <= expected;
  if (operator === '>') return actual > expected;
  if (operator === '>=') return actual >= expected;
  if (operator === '!=') return actual !== expected;
  return actual === expected;
}

/** The series of an in-memory set of samples (tests, small runs). */
function seriesOf(thresholds: Record<string, readonly string[]>, samples: K6Samples): ThresholdSeries {
  const series = new ThresholdSeries(thresholds);
  for (const [name, type] of samples.types) series.types.set(name, type);
  for (const point of samples.points) series.add(point.metric, point.time, point.value, point.tags);
  return series;
}

/**
 * Evaluates the script's thresholds over the merged raw samples of every k6 process of the run, so
 * that percentiles are those of the whole run (a percentile of per-process percentiles is not one).
 */
export function evaluateThresholds(
  thresholds: Record<string, readonly string[]>,
  samples: K6Samples | ThresholdSeries,
): ThresholdResult[] {
  const series = samples instanceof ThresholdSeries ? samples : seriesOf(thresholds, samples);
  const results: ThresholdResult[] = [];
  for (const [metric, expressions] of Object.entries(thresholds)) {
    const values = series.values(metric);
    let order: Float64Array | undefined;
    const sorted = () => {
      order ??= Float64Array.from(values).sort();
      return order;
    };
    const type = series.types.get(metric.split('{')[0] as string) ?? 'counter';
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
      const actual = aggregate(kind.startsWith('p(') ? 'p' : kind, p, type, values, sorted, series.seconds);
      results.push({ metric, expression, actual, ok: compare(actual, operator, Number(bound)) });
    }
  }
  return results;
}
