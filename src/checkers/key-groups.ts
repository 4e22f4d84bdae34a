import type { Operation } from '../history/operation.ts';
import { canonicalJson } from './canonical-json.ts';

/** The request an Idempotency-Key stands for: operation, path ids and body. */
export function requestSignature(op: Operation): string {
  return `${op.op}|${op.voucher}|${op.target ?? ''}|${canonicalJson(op.args)}`;
}

/** Operations that share an Idempotency-Key, by key, in history order (keys used once are left out). */
export function groupByKey(ops: readonly Operation[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const once = new Map<string, number>();
  for (let index = 0; index < ops.length; index++) {
    const key = (ops[index] as Operation).key;
    if (key === null) continue;
    const group = groups.get(key);
    if (group) {
      group.push(index);
      continue;
    }
    const first = once.get(key);
    if (first === undefined) once.set(key, index);
    else groups.set(key, [first, index]);
  }
  return groups;
}
