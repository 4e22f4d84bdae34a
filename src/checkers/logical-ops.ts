import { isAnswer } from '../history/op-fields.ts';
import type { HistoryMeta, Operation } from '../history/operation.ts';
import { toModelIO, type VoucherInput, type VoucherOutput } from '../model/model-io.ts';
import { requestSignature } from './key-groups.ts';

/** One request as the service saw it: a call and its retries with the same Idempotency-Key and body. */
export interface LogicalOp {
  members: number[];
  input: VoucherInput;
  output: VoucherOutput;
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
 * Operations of the partition that share a key, by key, in order of the key's first use. `repeated`
 * (keys used more than once in the whole history) spares the look-up of every other key.
 */
function sharedKeys(
  ops: readonly Operation[],
  indices: readonly number[],
  repeated?: ReadonlySet<string>,
): number[][] {
  const byKey = new Map<string, number[]>();
  for (const index of indices) {
    const key = (ops[index] as Operation).key;
    if (key === null || (repeated !== undefined && !repeated.has(key))) continue;
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  }
  return [...byKey.values()].filter((members) => members.length > 1);
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
  knownHolds: ReadonlySet<string>,
  repeatedKeys?: ReadonlySet<string>,
): LogicalOp[] {
  const logical: LogicalOp[] = [];
  const grouped = new Set<number>();
  for (const members of sharedKeys(ops, indices, repeatedKeys)) {
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
      logical.push({ members: same, input, output });
    }
  }
  for (const index of indices) {
    if (grouped.has(index)) continue;
    const { input, output } = toModelIO(ops[index] as Operation, index, meta, knownHolds);
    logical.push({ members: [index], input, output });
  }
  return logical;
}
