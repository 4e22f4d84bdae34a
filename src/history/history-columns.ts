import { type ColumnArrays, IN_OBJECT, NO_STRING, STRING_FIELDS } from './column-layout.ts';
import { type HistoryMeta, type Operation, type OperationName, operationNames } from './operation.ts';
import { objectString } from './operation-columns.ts';

/**
 * A parsed history as plain data that crosses to a worker thread without copying the columns or the
 * bytes (both on SharedArrayBuffers when threads read it); the few operations read as objects travel
 * by structured clone.
 */
export interface ColumnHistoryData {
  meta: HistoryMeta | null;
  size: number;
  columns: ColumnArrays;
  /** The history file's bytes: every kept string is a span of them. */
  text: Uint8Array;
  vouchers: string[];
  clients: string[];
  codes: string[];
  /** Operations kept as objects (lines the scanner declined), by slot. */
  objects: Array<[number, Operation]>;
  /**
   * Where each operation is: the slot of history index i, and the history index of each slot. Slots
   * start in history order; orderByVoucher (voucher-order.ts) puts each voucher's side by side.
   */
  slotOf: Int32Array;
  indexOf: Int32Array;
  cutLine?: number;
}

/**
 * A parsed history in columns, with the readers the checkers use. The readers take a slot (`i`); a
 * history index (what verdicts name) is `indexOf[i]`, and the slot of history index k is `slotOf[k]`.
 */
export class HistoryColumns {
  readonly data: ColumnHistoryData;
  readonly slotOf: Int32Array;
  readonly indexOf: Int32Array;
  readonly meta: HistoryMeta | null;
  readonly size: number;
  readonly c: ColumnArrays;
  readonly vouchers: readonly string[];
  readonly clients: readonly string[];
  readonly codes: readonly string[];
  readonly #text: Buffer;
  readonly #objects: Map<number, Operation>;

  constructor(data: ColumnHistoryData) {
    this.data = data;
    this.meta = data.meta;
    this.size = data.size;
    this.c = data.columns;
    this.slotOf = data.slotOf;
    this.indexOf = data.indexOf;
    this.vouchers = data.vouchers;
    this.clients = data.clients;
    this.codes = data.codes;
    this.#text = Buffer.from(data.text.buffer, data.text.byteOffset, data.text.length);
    this.#objects = new Map(data.objects);
  }

  opName(i: number): OperationName {
    return operationNames[this.c.kind[i] as number] as OperationName;
  }

  /** String field f of operation i (target, key, result id ...), or null. */
  str(i: number, f: number): string | null {
    const at = i * STRING_FIELDS + f;
    const offset = this.c.stringOffset[at] as number;
    if (offset === NO_STRING) return null;
    if (offset === IN_OBJECT) return objectString(this.#objects.get(i) as Operation, f);
    const start = (this.c.lineStart[i] as number) + offset;
    const end = start + (this.c.stringLength[at] as number);
    if (((this.c.escaped[i] as number) & (1 << f)) === 0) return this.#text.toString('latin1', start, end);
    return JSON.parse(this.#text.toString('utf8', start - 1, end + 1)) as string;
  }

  /** Whether field f of operation i holds a string (not null, absent or another type). */
  has(i: number, f: number): boolean {
    return this.c.stringOffset[i * STRING_FIELDS + f] !== NO_STRING;
  }

  /** Whether string field f of i equals string field g of j (both present). */
  same(i: number, f: number, j: number, g: number): boolean {
    const c = this.c;
    const a = i * STRING_FIELDS + f;
    const b = j * STRING_FIELDS + g;
    const offsetA = c.stringOffset[a] as number;
    const offsetB = c.stringOffset[b] as number;
    if (offsetA === NO_STRING || offsetB === NO_STRING) return false;
    const plain =
      offsetA !== IN_OBJECT &&
      offsetB !== IN_OBJECT &&
      ((c.escaped[i] as number) & (1 << f)) === 0 &&
      ((c.escaped[j] as number) & (1 << g)) === 0;
    if (!plain) return this.str(i, f) === this.str(j, g);
    const length = c.stringLength[a] as number;
    if (length !== c.stringLength[b]) return false;
    const text = this.#text;
    const startA = (c.lineStart[i] as number) + offsetA;
    const startB = (c.lineStart[j] as number) + offsetB;
    for (let k = 0; k < length; k++) if (text[startA + k] !== text[startB + k]) return false;
    return true;
  }

  /** Whether string field f of i is `value`. */
  is(i: number, f: number, value: string): boolean {
    const offset = this.c.stringOffset[i * STRING_FIELDS + f] as number;
    if (offset === NO_STRING) return false;
    if (offset === IN_OBJECT || ((this.c.escaped[i] as number) & (1 << f)) !== 0)
      return this.str(i, f) === value;
    const length = this.c.stringLength[i * STRING_FIELDS + f] as number;
    if (length !== value.length) return false;
    const start = (this.c.lineStart[i] as number) + offset;
    for (let k = 0; k < length; k++) if (this.#text[start + k] !== value.charCodeAt(k)) return false;
    return true;
  }

  /** Operation i as an object, parsed again from its line (it was validated when read). */
  op(i: number): Operation {
    const kept = this.#objects.get(i);
    if (kept) return kept;
    const start = this.c.lineStart[i] as number;
    return JSON.parse(
      this.#text.toString('utf8', start, start + (this.c.lineLength[i] as number)),
    ) as Operation;
  }

  /** Whether the two operations' lines are the same text (as the same bytes, or decoding to it). */
  sameLine(i: number, j: number): boolean {
    const a = this.c.lineStart[i] as number;
    const b = this.c.lineStart[j] as number;
    const endA = a + (this.c.lineLength[i] as number);
    const endB = b + (this.c.lineLength[j] as number);
    if (this.#text.compare(this.#text, b, endB, a, endA) === 0) return true;
    // Bytes that are not valid UTF-8 decode alike (U+FFFD): compare the text the lines read as.
    const ascii = (start: number, end: number) =>
      this.#text.subarray(start, end).every((byte) => byte < 0x80);
    return (
      !(ascii(a, endA) && ascii(b, endB)) &&
      this.#text.toString('utf8', a, endA) === this.#text.toString('utf8', b, endB)
    );
  }
}
