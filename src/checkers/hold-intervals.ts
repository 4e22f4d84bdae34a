import type { HoldFacts } from '../history/hold-index.ts';
import type { Operation } from '../history/operation.ts';

/** When a hold was certainly open: from its acknowledgement until anything could have closed it. */
export interface HoldInterval {
  hold: HoldFacts;
  start: number;
  end: number;
  /** The first capture or release of the hold, if any. */
  closedBy: number | null;
}

/** Intervals of the acknowledged holds of one voucher, ordered by start. */
export function holdIntervals(
  ops: readonly Operation[],
  indices: readonly number[],
  holds: ReadonlyMap<string, HoldFacts>,
  endOfHistory: number,
): HoldInterval[] {
  const intervals = new Map<string, HoldInterval>();
  for (const index of indices) {
    const op = ops[index] as Operation;
    if (op.op === 'createHold') {
      const hold = holds.get((op.result as { id?: string } | null)?.id ?? '');
      if (hold && hold.createdBy === index)
        intervals.set(hold.id, {
          hold,
          start: op.completedAt,
          end: Math.min(hold.earliestExpiry, endOfHistory),
          closedBy: null,
        });
      continue;
    }
    if (op.op !== 'captureHold' && op.op !== 'releaseHold') continue;
    const interval = intervals.get(op.target ?? '');
    if (!interval || interval.closedBy !== null || op.invokedAt < interval.start) continue;
    interval.closedBy = index;
    interval.end = Math.min(interval.end, op.invokedAt);
  }
  return [...intervals.values()].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
}
