import { KEY, OK, RESULT_ID, TARGET } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { operationNames } from '../../history/operation.ts';

const CREATE_HOLD = operationNames.indexOf('createHold');

/**
 * What the checkers need of the whole history, built once: where each voucher's operations lie (slots
 * ordered voucher by voucher, see voucher-order.ts), the first createHold of each hold id (indexHolds
 * keeps the first in history order), and the keys used more than once (numbered as groupByKey numbers
 * them). Slots throughout; typed arrays only, on SharedArrayBuffers when worker threads read them.
 */
export interface HistoryTables {
  /** Voucher v's operations: slots partStart[v] .. partStart[v + 1], in history order. */
  partStart: Int32Array;
  /** Open addressing by result id hash: the slot of the first createHold acknowledged with each id (-1: empty). */
  holdSlots: Int32Array;
  /** 1 at the slot of the first createHold acknowledged with its id. */
  firstCreator: Uint8Array;
  /** Per slot: the number of its key's group when the key is used more than once, else -1. */
  keyGroup: Int32Array;
  /** Keys used more than once. */
  groups: number;
  /** Distinct keys. */
  keys: number;
  /** The latest completedAt of the history. */
  end: number;
}

/** The slots of voucher v's operations. */
export interface SlotRange {
  from: number;
  to: number;
}

export function voucherSlots(tables: HistoryTables, v: number): SlotRange {
  return { from: tables.partStart[v] as number, to: tables.partStart[v + 1] as number };
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

/** The tables of a history whose slots orderByVoucher has ordered (`partStart` is what it returned). */
export function buildTables(history: HistoryColumns, partStart: Int32Array, shared: boolean): HistoryTables {
  const { c, size, slotOf } = history;
  const creates = (i: number) =>
    c.kind[i] === CREATE_HOLD && c.completion[i] === OK && history.has(i, RESULT_ID);
  let created = 0;
  let end = 0;
  for (let i = 0; i < size; i++) {
    if (creates(i)) created++;
    if ((c.completedAt[i] as number) > end) end = c.completedAt[i] as number;
  }
  const holdSlots = array(Int32Array, tableSize(created), shared).fill(-1);
  const firstCreator = array(Uint8Array, size, shared);
  const holdMask = holdSlots.length - 1;
  for (let index = 0; index < size; index++) {
    const i = slotOf[index] as number;
    if (!creates(i)) continue;
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
  let groups = 0;
  let keys = 0;
  for (let index = 0; index < size; index++) {
    const i = slotOf[index] as number;
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
      if ((keyGroup[first] as number) < 0) keyGroup[first] = groups++;
      keyGroup[i] = keyGroup[first] as number;
      break;
    }
  }
  return { partStart, holdSlots, firstCreator, keyGroup, groups, keys, end };
}

/** The slot of the first createHold acknowledged with the id that the operation in slot i targets, or -1. */
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
