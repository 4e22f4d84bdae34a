import type { History, Operation } from '../../history/operation.ts';
import type { HistogramChart } from '../chart-spec.ts';

const maxBins = 30;

/** A duration in µs as short text: "850 µs", "12.3 ms", "1.25 s". */
export function durationText(micros: number): string {
  if (micros < 1000) return `${Math.round(micros)} µs`;
  if (micros < 1e6) return `${+(micros / 1000).toPrecision(3)} ms`;
  return `${+(micros / 1e6).toPrecision(3)} s`;
}

/**
 * Latency (call to return) per operation and outcome, as a histogram over logarithmic bins: one stacked
 * series per operation and outcome. An unknown outcome's latency is how long the client waited.
 */
export function latencyChart(history: History): HistogramChart | null {
  const { ops } = history;
  if (ops.length === 0) return null;
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (const op of ops) {
    const latency = Math.max(1, op.completedAt - op.invokedAt);
    if (latency < low) low = latency;
    if (latency > high) high = latency;
  }
  const bins = high / low < 1.5 ? 1 : maxBins;
  const ratio = bins === 1 ? 1 : (high / low) ** (1 / bins);
  const binOf = (latency: number) =>
    bins === 1 ? 0 : Math.min(bins - 1, Math.floor(Math.log(latency / low) / Math.log(ratio)));
  const counts = new Map<string, number[]>();
  for (const op of ops as readonly Operation[]) {
    const key = `${op.op} ${op.completion}`;
    let row = counts.get(key);
    if (!row) {
      row = new Array<number>(bins).fill(0);
      counts.set(key, row);
    }
    const at = binOf(Math.max(1, op.completedAt - op.invokedAt));
    row[at] = (row[at] as number) + 1;
  }
  const labels = Array.from({ length: bins }, (_, at) =>
    bins === 1 ? `≤ ${durationText(high)}` : `≤ ${durationText(low * ratio ** (at + 1))}`,
  );
  const outcomes = ['ok', 'fail', 'info'];
  const keys = [...counts.keys()].sort((a, b) => {
    const [opA = '', outcomeA = ''] = a.split(' ');
    const [opB = '', outcomeB = ''] = b.split(' ');
    return outcomes.indexOf(outcomeA) - outcomes.indexOf(outcomeB) || (opA < opB ? -1 : opA > opB ? 1 : 0);
  });
  return {
    kind: 'histogram',
    title: 'Latency per operation and outcome',
    note: `${ops.length} operations, from call to return (an unknown outcome: how long the client waited); logarithmic bins from ${durationText(low)} to ${durationText(high)}, the operations and outcomes stacked.`,
    xLabel: 'latency',
    yLabel: 'operations',
    bins: labels,
    series: keys.map((key) => ({ label: key, values: counts.get(key) as number[] })),
  };
}
