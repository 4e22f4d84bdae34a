/** Most points a chart's series gets: enough for any screen, small enough for a huge history. */
export const maxPoints = 2000;

/** A step function: at each time its value changes to the value given, sorted by time. */
export type StepPoints = ReadonlyArray<readonly [time: number, value: number]>;

export interface AlignedSteps {
  /** The shared x: every change time, or `limit` evenly spaced times when there are more. */
  x: number[];
  /** Per series, its value at each x (null before its first point). */
  values: Array<Array<number | null>>;
  /** Whether the x were sampled (there were more change times than `limit`). */
  sampled: boolean;
}

function changeTimes(series: readonly StepPoints[]): number[] {
  const times = new Set<number>();
  for (const points of series) for (const [time] of points) times.add(time);
  return [...times].sort((a, b) => a - b);
}

/**
 * Step functions on one shared x for a chart: exact when they change at `limit` times or fewer, else
 * sampled at `limit` evenly spaced times (each the value holding then), so a million changes still give
 * `limit` points. The last change always shows.
 */
export function alignSteps(series: readonly StepPoints[], limit = maxPoints): AlignedSteps {
  let x = changeTimes(series);
  const sampled = x.length > limit;
  if (sampled) {
    const from = x[0] as number;
    const span = (x[x.length - 1] as number) - from;
    x = Array.from({ length: limit }, (_, at) => from + (span * at) / (limit - 1));
  }
  const values = series.map((points) => {
    const row: Array<number | null> = [];
    let next = 0;
    let current: number | null = null;
    for (const time of x) {
      while (next < points.length && (points[next] as readonly [number, number])[0] <= time) {
        current = (points[next] as readonly [number, number])[1];
        next += 1;
      }
      row.push(current);
    }
    return row;
  });
  return { x, values, sampled };
}

/**
 * Events counted per key in `buckets` equal intervals of [from, to]: x is each interval's start.
 * Keys are in order of first appearance.
 */
export function countInBuckets(
  events: Iterable<readonly [time: number, key: string]>,
  from: number,
  to: number,
  buckets: number,
): { x: number[]; counts: Map<string, number[]> } {
  const span = Math.max(to - from, 1);
  const x = Array.from({ length: buckets }, (_, at) => from + (span * at) / buckets);
  const counts = new Map<string, number[]>();
  for (const [time, key] of events) {
    let row = counts.get(key);
    if (!row) {
      row = new Array<number>(buckets).fill(0);
      counts.set(key, row);
    }
    const at = Math.min(buckets - 1, Math.max(0, Math.floor(((time - from) / span) * buckets)));
    row[at] = (row[at] as number) + 1;
  }
  return { x, counts };
}
