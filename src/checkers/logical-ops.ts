import { isAnswer } from '../history/op-fields.ts';
import type { HistoryMeta, Operation } from '../history/operation.ts';
import { toModelIO, type VoucherInput, type VoucherOutput } from '../model/model-io.ts';
import { requestSignature } from './key-groups.ts';
import type { TimedOp } from './wgl-search.ts';

/** One request as the service saw it: a call and its retries with the same Idempotency-Key and body. */
export interface LogicalOp extends TimedOp<VoucherInput, VoucherOutput> {
  members: number[];
}

function representative(ops: readonly Operation[], members: readonly number[]): number {
  let best = members[0] as number;
  // An answer decides the group; a refused connection (nothing sent) decides nothing, not even
  // against an earlier attempt whose outcome is unknown.
  const rank = (op: Operation) =>
    op.completion === 'ok' ? 0 : isAnswer(op) ? 1 : op.completion === 'info' ? 2 : 3;
  for (const index of members) {
    const op = ops[index] as Operation;
    const current = ops[best] as Operation;
    if (rank(op) < rank(current) || (rank(op) === rank(current) && op.completedAt < current.completedAt))
      best = index;
  }
  return best;
}

/**
 * Operations of the partition that share a key, by key, in order of the key's first use. Most keys are
 * used once, so they are only collected, and grouped when one repeats (a set per partition is far
 * cheaper than one of every key in the history).
 */
function sharedKeys(ops: readonly Operation[], indices: readonly number[]): number[][] {
  const seen = new Set<string>();
  let repeated: Set<string> | undefined;
  for (const index of indices) {
    const key = (ops[index] as Operation).key;
    if (key === null) continue;
    if (!seen.has(key)) seen.add(key);
    else if (repeated) repeated.add(key);
    else repeated = new Set([key]);
  }
  if (repeated === undefined) return [];
  const byKey = new Map<string, number[]>();
  for (const index of indices) {
    const key = (ops[index] as Operation).key;
    if (key === null || !repeated.has(key)) continue;
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  }
  return [...byKey.values()];
}

/**
 * The logical operations of one voucher. Retries that share a key and a request are one operation:
 * the service acts at most once, between the first call and the first definite answer, and replays
 * that answer (the idempotency checker verifies the replays). Groups come first (in order of their
 * first call), then the single operations in history order.
 */
export function logicalOps(
  ops: readonly Operation[],
  indices: readonly number[],
  meta: HistoryMeta | null,
  knownHolds: Pick<ReadonlySet<string>, 'has'>,
): LogicalOp[] {
  const logical: LogicalOp[] = [];
  const grouped = new Set<number>();
  for (const members of sharedKeys(ops, indices)) {
    const bySignature = new Map<string, number[]>();
    for (const index of members) {
      const signature = requestSignature(ops[index] as Operation);
      bySignature.set(signature, [...(bySignature.get(signature) ?? []), index]);
    }
    for (const same of bySignature.values()) {
      if (same.length < 2) continue;
      for (const index of same) grouped.add(index);
      const chosen = representative(ops, same);
      const { input, output } = toModelIO(ops[chosen] as Operation, chosen, meta, knownHolds);
      for (const index of same)
        input.invokedAt = Math.min(input.invokedAt, (ops[index] as Operation).invokedAt);
      logical.push({ members: same, input, output, call: input.invokedAt, ret: input.completedAt });
    }
  }
  for (const index of indices) {
    if (grouped.has(index)) continue;
    const { input, output } = toModelIO(ops[index] as Operation, index, meta, knownHolds);
    logical.push({ members: [index], input, output, call: input.invokedAt, ret: input.completedAt });
  }
  return logical;
}
