import type { Operation } from './operation.ts';

/** Indices of the history's operations per voucher, in history order. */
export function partitionByVoucher(ops: readonly Operation[]): Map<string, number[]> {
  const parts = new Map<string, number[]>();
  for (let index = 0; index < ops.length; index++) {
    const voucher = (ops[index] as Operation).voucher;
    const list = parts.get(voucher);
    if (list) list.push(index);
    else parts.set(voucher, [index]);
  }
  return parts;
}
