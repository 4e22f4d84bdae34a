import { permuteSlots } from './column-layout.ts';
import type { ColumnHistoryData } from './history-columns.ts';

function sharedInt32(length: number, shared: boolean): Int32Array {
  const bytes = Math.max(8, length * 4);
  return new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, length);
}

/**
 * Reorders a history's slots voucher by voucher (vouchers as first seen, each one's operations in
 * history order, as partitionByVoucher lists them), so that checking a voucher reads its operations
 * side by side in memory instead of one cache line per column per operation across the whole history.
 * Sets `data.slotOf` and `data.indexOf` to the new order and returns where each voucher's slots
 * start: voucher v holds slots partStart[v] .. partStart[v + 1].
 */
export function orderByVoucher(data: ColumnHistoryData, shared: boolean): Int32Array {
  const { size, columns } = data;
  const vouchers = data.vouchers.length;
  const partStart = sharedInt32(vouchers + 1, shared);
  for (let i = 0; i < size; i++) {
    const at = (columns.voucher[i] as number) + 1;
    partStart[at] = (partStart[at] as number) + 1;
  }
  for (let v = 0; v < vouchers; v++)
    partStart[v + 1] = (partStart[v + 1] as number) + (partStart[v] as number);
  const indexOf = sharedInt32(size, shared);
  const slotOf = sharedInt32(size, shared);
  const next = partStart.slice(0, vouchers);
  for (let i = 0; i < size; i++) {
    const v = columns.voucher[i] as number;
    const slot = next[v] as number;
    next[v] = slot + 1;
    indexOf[slot] = i;
    slotOf[i] = slot;
  }
  permuteSlots(columns, slotOf, size);
  data.objects = data.objects.map(([index, op]) => [slotOf[index] as number, op]);
  data.indexOf = indexOf;
  data.slotOf = slotOf;
  return partStart;
}
