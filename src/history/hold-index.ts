import { ClockMoves, clockMovesOf } from './clock-moves.ts';
import { minorUnits, receiptNumber, requestedAmount, resultString } from './op-fields.ts';
import type { HistoryMeta, Operation } from './operation.ts';

/** What the history says about one hold: who created it, for how much, and when it can expire at the earliest. */
export interface HoldFacts {
  id: string;
  voucher: string;
  amount: number;
  createdBy: number;
  receipt: string | null;
  /** Monotonic micros before which the hold cannot have expired (Infinity when no time-to-live is known). */
  earliestExpiry: number;
}

/** The hold's time-to-live in microseconds: from the request, else the response, else the meta line. */
export function holdTtlMicros(op: Operation, meta: HistoryMeta | null): number {
  const requested = op.args.ttlSeconds;
  if (typeof requested === 'number') return requested * 1_000_000;
  const result = op.completion === 'ok' ? (op.result as Record<string, unknown>) : null;
  if (result && typeof result.expiresAt === 'string' && typeof result.createdAt === 'string') {
    const ms = Date.parse(result.expiresAt) - Date.parse(result.createdAt);
    if (Number.isFinite(ms)) return ms * 1000;
  }
  return meta?.holdTtlSeconds ? meta.holdTtlSeconds * 1_000_000 : Number.POSITIVE_INFINITY;
}

/**
 * Facts of a hold created by an acknowledged createHold, or null for any other operation. `clock`: the
 * history's moves of the test clock, which bring the hold's expiry closer.
 */
export function holdFacts(
  op: Operation,
  index: number,
  meta: HistoryMeta | null,
  clock: ClockMoves = ClockMoves.none,
): HoldFacts | null {
  const id = op.op === 'createHold' ? resultString(op, 'id') : null;
  if (id === null) return null;
  return {
    id,
    voucher: op.voucher,
    amount: minorUnits((op.result as Record<string, unknown>).amount) ?? requestedAmount(op) ?? 0,
    createdBy: index,
    receipt: receiptNumber(op.args),
    earliestExpiry: clock.earliestExpiry(op.invokedAt, holdTtlMicros(op, meta)),
  };
}

/** Every hold that an acknowledged createHold created, by hold id. */
export function indexHolds(ops: readonly Operation[], meta: HistoryMeta | null): Map<string, HoldFacts> {
  const holds = new Map<string, HoldFacts>();
  const clock = clockMovesOf(ops);
  ops.forEach((op, index) => {
    const facts = holdFacts(op, index, meta, clock);
    if (facts && !holds.has(facts.id)) holds.set(facts.id, facts);
  });
  return holds;
}

/** The ids of the holds that an acknowledged createHold created (the keys of indexHolds, cheaper). */
export function createdHoldIds(ops: readonly Operation[], indices?: readonly number[]): Set<string> {
  const ids = new Set<string>();
  const count = indices ? indices.length : ops.length;
  for (let at = 0; at < count; at++) {
    const op = ops[indices ? (indices[at] as number) : at] as Operation;
    if (op.op !== 'createHold') continue;
    const id = resultString(op, 'id');
    if (id !== null) ids.add(id);
  }
  return ids;
}

/**
 * Whether the history created a hold, asked of one partition: its own holds first (a small set),
 * then, only for an id it did not create, the whole history's (built once, on the first such id).
 * One set of every hold of a million-operation history costs far more than many small ones.
 */
export function knownHoldsOf(
  ops: readonly Operation[],
  indices: readonly number[],
  everywhere: () => ReadonlySet<string>,
): Pick<ReadonlySet<string>, 'has'> {
  const local = createdHoldIds(ops, indices);
  return { has: (id) => local.has(id) || everywhere().has(id) };
}
