/**
 * The columns of a parsed history: one typed array per field, one slot per operation, in history
 * order. Allocated on SharedArrayBuffers when threads share them (no copy crosses a thread), on plain
 * ArrayBuffers otherwise. Strings stay in the history's bytes: a column keeps where each one lies in
 * its line (offset and length), and hashes of those compared across the whole history.
 */

/** Strings an operation's checks read, kept as spans of its line. */
export const TARGET = 0;
export const KEY = 1;
export const RESULT_ID = 2;
export const HOLD_ID = 3;
export const ARG_RECEIPT = 4;
export const RESULT_RECEIPT = 5;
export const STRING_FIELDS = 6;

/** A span offset meaning: no string there (absent, null or not a string). */
export const NO_STRING = 0xffff;
/** A span offset meaning: the operation was parsed as an object (see `fallback`), read it there. */
export const IN_OBJECT = 0xfffe;
/** The longest line whose strings are kept as spans (longer lines are kept as objects). */
export const MAX_SPAN_LINE = 0xfff0;

export const OK = 0;
export const FAIL = 1;
export const INFO = 2;

/** flags: the result's remainderVoucher is truthy; a fail result's status is 0 (nothing was sent). */
export const REMAINDER = 1;
export const ZERO_STATUS = 2;

const float64 = [
  'lineStart',
  'invokedAt',
  'completedAt',
  'status',
  'number',
  'argAmount',
  'argTtl',
  'resultAmount',
  'resultBalance',
  'resultBalanceAfter',
  'refundedTotal',
  'remainderBalance',
  'resultTtlMs',
] as const;
const int32 = [
  'lineLength',
  'line',
  'voucher',
  'client',
  'code',
  'violations',
  'keyHash',
  'targetHash',
  'idHash',
] as const;
const uint8 = ['kind', 'completion', 'flags', 'escaped'] as const;

type Float64Columns = { [name in (typeof float64)[number]]: Float64Array };
type Int32Columns = { [name in (typeof int32)[number]]: Int32Array };
type Uint8Columns = { [name in (typeof uint8)[number]]: Uint8Array };

/**
 * One slot per operation. Numbers are NaN where the history has none (a money field that is not an
 * integer amount reads as none, as `minorUnits` does). `stringOffset`/`stringLength` hold STRING_FIELDS
 * spans per slot; `escaped` has bit f set when span f needs JSON decoding (escapes or non-ASCII).
 */
export interface ColumnArrays extends Float64Columns, Int32Columns, Uint8Columns {
  capacity: number;
  stringOffset: Uint16Array;
  stringLength: Uint16Array;
}

function buffer(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(Math.max(8, bytes)) : new ArrayBuffer(Math.max(8, bytes));
}

/** Columns for `capacity` operations (zero-filled; pages never written cost no memory). */
export function allocateColumns(capacity: number, shared: boolean): ColumnArrays {
  const columns = { capacity } as ColumnArrays;
  for (const name of float64) columns[name] = new Float64Array(buffer(capacity * 8, shared));
  for (const name of int32) columns[name] = new Int32Array(buffer(capacity * 4, shared));
  for (const name of uint8) columns[name] = new Uint8Array(buffer(capacity, shared));
  columns.stringOffset = new Uint16Array(buffer(capacity * STRING_FIELDS * 2, shared));
  columns.stringLength = new Uint16Array(buffer(capacity * STRING_FIELDS * 2, shared));
  return columns;
}

/** Moves `count` slots from `from` down to `to` (to <= from), closing a gap between two parsed chunks. */
export function moveSlots(columns: ColumnArrays, from: number, to: number, count: number): void {
  if (from === to || count === 0) return;
  for (const name of [...float64, ...int32, ...uint8]) columns[name].copyWithin(to, from, from + count);
  for (const name of ['stringOffset', 'stringLength'] as const)
    columns[name].copyWithin(to * STRING_FIELDS, from * STRING_FIELDS, (from + count) * STRING_FIELDS);
}

/**
 * Moves the first `size` slots to where `slotOf` says (slot i goes to slotOf[i]). One loop per array
 * type, so that each stays monomorphic (a loop over mixed typed arrays is several times slower), reading
 * in order and writing where each goes; the extra memory is one copy of a column of each type.
 */
export function permuteSlots(columns: ColumnArrays, slotOf: Int32Array, size: number): void {
  const spare64 = new Float64Array(size);
  for (const name of float64) scatter64(columns[name], slotOf, size, spare64);
  const spare32 = new Int32Array(size);
  for (const name of int32) scatter32(columns[name], slotOf, size, spare32);
  const spare8 = new Uint8Array(size);
  for (const name of uint8) scatter8(columns[name], slotOf, size, spare8);
  const spare16 = new Uint16Array(size * STRING_FIELDS);
  scatter16(columns.stringOffset, slotOf, size, spare16);
  scatter16(columns.stringLength, slotOf, size, spare16);
}

function scatter64(column: Float64Array, slotOf: Int32Array, size: number, spare: Float64Array): void {
  spare.set(column.subarray(0, size));
  for (let i = 0; i < size; i++) column[slotOf[i] as number] = spare[i] as number;
}

function scatter32(column: Int32Array, slotOf: Int32Array, size: number, spare: Int32Array): void {
  spare.set(column.subarray(0, size));
  for (let i = 0; i < size; i++) column[slotOf[i] as number] = spare[i] as number;
}

function scatter8(column: Uint8Array, slotOf: Int32Array, size: number, spare: Uint8Array): void {
  spare.set(column.subarray(0, size));
  for (let i = 0; i < size; i++) column[slotOf[i] as number] = spare[i] as number;
}

/** The string spans: STRING_FIELDS a slot. */
function scatter16(column: Uint16Array, slotOf: Int32Array, size: number, spare: Uint16Array): void {
  spare.set(column.subarray(0, size * STRING_FIELDS));
  for (let i = 0; i < size; i++) {
    const to = (slotOf[i] as number) * STRING_FIELDS;
    const from = i * STRING_FIELDS;
    for (let f = 0; f < STRING_FIELDS; f++) column[to + f] = spare[from + f] as number;
  }
}
