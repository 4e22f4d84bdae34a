import type { ClockMoves } from '../../history/clock-moves.ts';
import { ARG_RECEIPT, OK, RESULT_ID, TARGET } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { HoldFacts } from '../../history/hold-index.ts';
import { type HistoryMeta, operationNames } from '../../history/operation.ts';
import { hashString } from '../../history/string-hash.ts';
import type { HoldInterval } from '../hold-intervals.ts';
import type { HistoryTables, SlotRange } from './history-tables.ts';
import { holdAmount } from './money-effects.ts';

const CREATE_HOLD = operationNames.indexOf('createHold');
const CAPTURE = operationNames.indexOf('captureHold');
const RELEASE = operationNames.indexOf('releaseHold');

/** holdTtlMicros over the columns: from the request, else the answer's times, else the meta line. */
export function ttlMicros(history: HistoryColumns, i: number, meta: HistoryMeta | null): number {
  const requested = history.c.argTtl[i] as number;
  if (!Number.isNaN(requested)) return requested * 1_000_000;
  const ms = history.c.resultTtlMs[i] as number;
  if (history.c.completion[i] === OK && Number.isFinite(ms)) return ms * 1000;
  return meta?.holdTtlSeconds ? meta.holdTtlSeconds * 1_000_000 : Number.POSITIVE_INFINITY;
}

/** HoldFacts of the hold the acknowledged createHold `creator` created. */
export function holdFactsOf(
  history: HistoryColumns,
  creator: number,
  meta: HistoryMeta | null,
  clock: ClockMoves,
): HoldFacts {
  return {
    id: history.str(creator, RESULT_ID) as string,
    voucher: history.vouchers[history.c.voucher[creator] as number] as string,
    amount: holdAmount(history, creator),
    createdBy: creator,
    receipt: history.str(creator, ARG_RECEIPT),
    earliestExpiry: clock.earliestExpiry(
      history.c.invokedAt[creator] as number,
      ttlMicros(history, creator, meta),
    ),
  };
}

/** An interval as the columns give it: the creating operation stands for its hold. */
export interface ColumnInterval {
  creator: number;
  start: number;
  end: number;
  closedBy: number | null;
}

/**
 * holdIntervals over the columns: for each hold a voucher's createHold was the first to acknowledge,
 * from that acknowledgement until its first capture or release was called (or it may have expired, or
 * the history ended). Ordered by start; intervals that end before they start are left out.
 */
export function voucherHoldIntervals(
  history: HistoryColumns,
  tables: HistoryTables,
  ops: SlotRange,
  meta: HistoryMeta | null,
  endOfHistory: number,
  clock: ClockMoves,
): ColumnInterval[] {
  const c = history.c;
  const intervals: ColumnInterval[] = [];
  // The intervals by their hold id's hash (open addressing, grown as holds come).
  let slots = new Int32Array(16).fill(-1);
  const index = (at: number) => {
    const mask = slots.length - 1;
    let slot = (c.idHash[(intervals[at] as ColumnInterval).creator] as number) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = at;
  };
  for (let i = ops.from; i < ops.to; i++) {
    const kind = c.kind[i] as number;
    if (kind === CREATE_HOLD) {
      if (tables.firstCreator[i] !== 1) continue;
      const ttl = ttlMicros(history, i, meta);
      intervals.push({
        creator: i,
        start: c.completedAt[i] as number,
        end: Math.min(clock.earliestExpiry(c.invokedAt[i] as number, ttl), endOfHistory),
        closedBy: null,
      });
      if (intervals.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        for (let at = 0; at < intervals.length; at++) index(at);
      } else index(intervals.length - 1);
      continue;
    }
    if ((kind !== CAPTURE && kind !== RELEASE) || intervals.length === 0) continue;
    // A capture or release without a target looks for a hold whose id is '' (as `op.target ?? ''`).
    const targeted = history.has(i, TARGET);
    const hash = targeted ? (c.targetHash[i] as number) : hashString('');
    const mask = slots.length - 1;
    let interval: ColumnInterval | undefined;
    for (let slot = hash & mask; slots[slot] !== -1; slot = (slot + 1) & mask) {
      const candidate = intervals[slots[slot] as number] as ColumnInterval;
      if (c.idHash[candidate.creator] !== hash) continue;
      const same = targeted
        ? history.same(candidate.creator, RESULT_ID, i, TARGET)
        : history.is(candidate.creator, RESULT_ID, '');
      if (same) {
        interval = candidate;
        break;
      }
    }
    const invokedAt = c.invokedAt[i] as number;
    if (!interval || interval.closedBy !== null || invokedAt < interval.start) continue;
    interval.closedBy = i;
    interval.end = Math.min(interval.end, invokedAt);
  }
  return intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
}

/** The intervals as holdIntervals gives them, for the policy rules that read hold facts. */
export function holdIntervalsOf(
  history: HistoryColumns,
  intervals: readonly ColumnInterval[],
  meta: HistoryMeta | null,
  clock: ClockMoves,
): HoldInterval[] {
  return intervals.map((interval) => ({
    hold: holdFactsOf(history, interval.creator, meta, clock),
    start: interval.start,
    end: interval.end,
    closedBy: interval.closedBy,
  }));
}
