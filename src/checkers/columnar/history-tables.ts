import { type ClockMove, ClockMoves, clockMoveOf } from '../../history/clock-moves.ts';
import { KEY, OK, RESULT_ID, TARGET } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { operationNames } from '../../history/operation.ts';

const CREATE_HOLD = operationNames.indexOf('createHold');
const ADVANCE_CLOCK = operationNames.indexOf('advanceTestClock');

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
  /** The test clock's moves, flat (ClockMoves.toFlat): few, so a plain array crosses to the workers. */
  clock: number[];
}

/** The history's clock moves, from the tables. */
export function clockOf(tables: HistoryTables): ClockMoves {
  return ClockMoves.fromFlat(tables.clock);
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

/**
 * The tables of a history whose slots orderByVoucher has ordered (`partStart` is what it returned).
 * Slots are read in their order (side by side in memory); where history order decides (which
 * createHold of an id came first, in what order the repeated keys are numbered), history indices do.
 */
export function buildTables(history: HistoryColumns, partStart: Int32Array, shared: boolean): HistoryTables {
  const { c, size } = history;
  let end = 0;
  const moves: ClockMove[] = [];
  for (let i = 0; i < size; i++) {
    if ((c.completedAt[i] as number) > end) end = c.completedAt[i] as number;
    if (c.kind[i] !== ADVANCE_CLOCK) continue;
    // Clock moves are rare: read as objects, in history order (as clockMovesOf reads them).
    const move = clockMoveOf(history.op(i));
    if (move) moves.push(move);
  }
  const clock = new ClockMoves(moves).toFlat();
  const { holdSlots, firstCreator } = holdTable(history, shared);
  const { keyGroup, groups, keys } = keyTable(history, shared);
  return { partStart, holdSlots, firstCreator, keyGroup, groups, keys, end, clock };
}

/** The first createHold (in history order) acknowledged with each hold id. */
function holdTable(history: HistoryColumns, shared: boolean) {
  const { c, size, indexOf } = history;
  const creates = (i: number) =>
    c.kind[i] === CREATE_HOLD && c.completion[i] === OK && history.has(i, RESULT_ID);
  let created = 0;
  for (let i = 0; i < size; i++) if (creates(i)) created++;
  const holdSlots = array(Int32Array, tableSize(created), shared).fill(-1);
  const hashes = new Int32Array(holdSlots.length);
  const firstCreator = array(Uint8Array, size, shared);
  const mask = holdSlots.length - 1;
  for (let i = 0; i < size; i++) {
    if (!creates(i)) continue;
    const hash = c.idHash[i] as number;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const other = holdSlots[slot] as number;
      if (other < 0) {
        holdSlots[slot] = i;
        hashes[slot] = hash;
        firstCreator[i] = 1;
        break;
      }
      if (hashes[slot] !== hash || !history.same(other, RESULT_ID, i, RESULT_ID)) continue;
      if ((indexOf[i] as number) < (indexOf[other] as number)) {
        holdSlots[slot] = i;
        firstCreator[other] = 0;
        firstCreator[i] = 1;
      }
      break;
    }
  }
  return { holdSlots, firstCreator };
}

/**
 * The keys used more than once, each a group, numbered in the order of their second use in the
 * history (as groupByKey numbers them); and how many distinct keys there are.
 */
function keyTable(history: HistoryColumns, shared: boolean) {
  const { c, size, indexOf } = history;
  const keySlots = new Int32Array(tableSize(size)).fill(-1);
  const hashes = new Int32Array(keySlots.length);
  const mask = keySlots.length - 1;
  const keyGroup = array(Int32Array, size, shared).fill(-1);
  // Per group, as found in slot order: its two first uses in the history.
  const firstUse: number[] = [];
  const secondUse: number[] = [];
  const use = (group: number, index: number) => {
    if (index < (firstUse[group] as number)) {
      secondUse[group] = firstUse[group] as number;
      firstUse[group] = index;
    } else if (index < (secondUse[group] as number)) secondUse[group] = index;
  };
  let keys = 0;
  for (let i = 0; i < size; i++) {
    if (!history.has(i, KEY)) continue;
    const hash = c.keyHash[i] as number;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const first = keySlots[slot] as number;
      if (first < 0) {
        keySlots[slot] = i;
        hashes[slot] = hash;
        keys++;
        break;
      }
      if (hashes[slot] !== hash || !history.same(first, KEY, i, KEY)) continue;
      let group = keyGroup[first] as number;
      if (group < 0) {
        group = firstUse.length;
        firstUse.push(Number.POSITIVE_INFINITY);
        secondUse.push(Number.POSITIVE_INFINITY);
        keyGroup[first] = group;
        use(group, indexOf[first] as number);
      }
      keyGroup[i] = group;
      use(group, indexOf[i] as number);
      break;
    }
  }
  const order = Array.from(firstUse, (_, group) => group).sort(
    (a, b) => (secondUse[a] as number) - (secondUse[b] as number),
  );
  const number = new Int32Array(order.length);
  order.forEach((group, k) => {
    number[group] = k;
  });
  for (let i = 0; i < size; i++) {
    const group = keyGroup[i] as number;
    if (group >= 0) keyGroup[i] = number[group] as number;
  }
  return { keyGroup, groups: order.length, keys };
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
