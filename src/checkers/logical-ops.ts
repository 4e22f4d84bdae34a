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
  const rank = (op: Operation) => (op.completion === 'ok' ? 0 : op.completion === 'fail' ? 1 : 2);
  for (const index of members) {
    const op = ops[index] as Operation;
    const current = ops[best] as Operation;
    if (rank(op) < rank(current) || (rank(op) === rank(current) && op.completedAt < current.completedAt))
      best = index;
  }
  return best;
}

/**
 * The logical operations of one voucher. Retries that share a key and a request are one operation:
 * the service acts at most once, between the first call and the first definite answer, and replays
 * that answer (the idempotency checker verifies the replays).
 */
export function logicalOps(
  ops: readonly Operation[],
  indices: readonly number[],
  meta: HistoryMeta | null,
  knownHolds: ReadonlySet<string>,
): LogicalOp[] {
  const byKey = new Map<string, number[]>();
  for (const index of indices) {
    const key = (ops[index] as Operation).key;
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  }
  const groups: number[][] = [];
  const grouped = new Set<number>();
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    const bySignature = new Map<string, number[]>();
    for (const index of members) {
      const signature = requestSignature(ops[index] as Operation);
      bySignature.set(signature, [...(bySignature.get(signature) ?? []), index]);
    }
    for (const same of bySignature.values()) {
      if (same.length < 2) continue;
      groups.push(same);
      for (const index of same) grouped.add(index);
    }
  }
  for (const index of indices) if (!grouped.has(index)) groups.push([index]);
  return groups.map((members) => {
    const chosen = representative(ops, members);
    const { input, output } = toModelIO(ops[chosen] as Operation, chosen, meta, knownHolds);
    if (members.length > 1) {
      let first = input.invokedAt;
      for (const index of members) first = Math.min(first, (ops[index] as Operation).invokedAt);
      input.invokedAt = first;
    }
    return { members, input, output };
  });
}
