import { KEY, OK, RESULT_ID, TARGET } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { operationNames } from '../../history/operation.ts';

const CREATE_HOLD = operationNames.indexOf('createHold');

/**
 * What the checkers need of the whole history, built once in one pass each: the operations of each
 * voucher (in history order, vouchers as first seen, as partitionByVoucher orders them), the first
 * createHold of each hold id (indexHolds keeps the first), and the keys used more than once.
 * Typed arrays only, on SharedArrayBuffers when worker threads read them.
 */
export interface HistoryTables {
  /** Operations of voucher v: partOps[partStart[v] .. partStart[v + 1]). */
  partStart: Int32Array;
  partOps: Int32Array;
  /** Open addressing by result id hash: the first createHold acknowledged with each id (-1: empty). */
  holdSlots: Int32Array;
  /** 1 where the operation is the first createHold acknowledged with its id. */
  firstCreator: Uint8Array;
  /** Per operation: the number of its key's group when the key is used more than once, else -1. */
  keyGroup: Int32Array;
  /** Per group (numbered as groupByKey inserts them: at the key's second use): its first operation. */
  groupFirst: Int32Array;
  /** Distinct keys. */
  keys: number;
  /** The latest completedAt of the history. */
  end: number;
}

function array<T extends Int32Array | Uint8Array>(
  Type: {
    new (buffer: ArrayBuffer | SharedArrayBuffer, offset: number, length: number): T;
    BYTES_PER_ELEMENT: number;
  },
  length: number,
  shared: boolean,
): T {
  const bytes = Math.max(8, length * Type.BYTES_PER_ELEMENT);
  return new Type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, length);
}

function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

export function buildTables(history: HistoryColumns, shared: boolean): HistoryTables {
  const { c, size } = history;
  const vouchers = history.vouchers.length;
  const partStart = array(Int32Array, vouchers + 1, shared);
  for (let i = 0; i < size; i++) {
    const at = (c.voucher[i] as number) + 1;
    partStart[at] = (partStart[at] as number) + 1;
  }
  for (let v = 0; v < vouchers; v++)
    partStart[v + 1] = (partStart[v + 1] as number) + (partStart[v] as number);
  const partOps = array(Int32Array, size, shared);
  const fill = partStart.slice(0, vouchers);
  for (let i = 0; i < size; i++) {
    const v = c.voucher[i] as number;
    const at = fill[v] as number;
    fill[v] = at + 1;
    partOps[at] = i;
  }

  let created = 0;
  let end = 0;
  for (let i = 0; i < size; i++) {
    if (c.kind[i] === CREATE_HOLD && c.completion[i] === OK && history.has(i, RESULT_ID)) created++;
    if ((c.completedAt[i] as number) > end) end = c.completedAt[i] as number;
  }
  const holdSlots = array(Int32Array, tableSize(created), shared).fill(-1);
  const firstCreator = array(Uint8Array, size, shared);
  const holdMask = holdSlots.length - 1;
  for (let i = 0; i < size; i++) {
    if (c.kind[i] !== CREATE_HOLD || c.completion[i] !== OK || !history.has(i, RESULT_ID)) continue;
    const hash = c.idHash[i] as number;
    for (let slot = hash & holdMask; ; slot = (slot + 1) & holdMask) {
      const other = holdSlots[slot] as number;
      if (other < 0) {
        holdSlots[slot] = i;
        firstCreator[i] = 1;
        break;
      }
      if (c.idHash[other] === hash && history.same(other, RESULT_ID, i, RESULT_ID)) break;
    }
  }

  const keySlots = new Int32Array(tableSize(size)).fill(-1);
  const keyMask = keySlots.length - 1;
  const keyGroup = array(Int32Array, size, shared).fill(-1);
  const firsts: number[] = [];
  let keys = 0;
  for (let i = 0; i < size; i++) {
    if (!history.has(i, KEY)) continue;
    const hash = c.keyHash[i] as number;
    for (let slot = hash & keyMask; ; slot = (slot + 1) & keyMask) {
      const first = keySlots[slot] as number;
      if (first < 0) {
        keySlots[slot] = i;
        keys++;
        break;
      }
      if (c.keyHash[first] !== hash || !history.same(first, KEY, i, KEY)) continue;
      let group = keyGroup[first] as number;
      if (group < 0) {
        group = firsts.length;
        firsts.push(first);
        keyGroup[first] = group;
      }
      keyGroup[i] = group;
      break;
    }
  }
  const groupFirst = array(Int32Array, firsts.length, shared);
  groupFirst.set(firsts);
  return { partStart, partOps, holdSlots, firstCreator, keyGroup, groupFirst, keys, end };
}

/** The first createHold acknowledged with the id that operation i targets, or -1. */
export function holdOf(history: HistoryColumns, tables: HistoryTables, i: number): number {
  if (!history.has(i, TARGET)) return -1;
  const { holdSlots } = tables;
  const mask = holdSlots.length - 1;
  const hash = history.c.targetHash[i] as number;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const creator = holdSlots[slot] as number;
    if (creator < 0) return -1;
    if (history.c.idHash[creator] === hash && history.same(creator, RESULT_ID, i, TARGET)) return creator;
  }
}
