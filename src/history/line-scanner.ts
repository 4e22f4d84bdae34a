import {
  ARG_RECEIPT,
  type ColumnArrays,
  HOLD_ID,
  KEY,
  MAX_SPAN_LINE,
  NO_STRING,
  REMAINDER,
  RESULT_ID,
  RESULT_RECEIPT,
  STRING_FIELDS,
  TARGET,
  ZERO_STATUS,
} from './column-layout.ts';
import { operationNames } from './operation.ts';
import { type ChunkTables, ttlMillis } from './operation-columns.ts';
import { hashBytes, hashString } from './string-hash.ts';
import { latin1 } from './string-interner.ts';

/** Thrown inside the scanner when a line is not one it reads: the line is then parsed as an object. */
const notMine = new Error('not a line the scanner reads');

const names = (list: readonly string[]) => list.map((name) => Uint8Array.from(name, (c) => c.charCodeAt(0)));

/** Keys looked up in one step: a slot from the length and the first and last bytes, then one comparison. */
interface KeySet {
  names: Uint8Array[];
  slots: Int8Array;
}

const slotOf = (length: number, first: number, last: number) => (length * 7 + first + last * 3) & 255;

function keySet(list: readonly string[]): KeySet {
  const set = { names: names(list), slots: new Int8Array(256).fill(-1) };
  set.names.forEach((name, k) => {
    const slot = slotOf(name.length, name[0] as number, name[name.length - 1] as number);
    if (set.slots[slot] !== -1) throw new Error(`key set: ${list[k]} shares a slot`);
    set.slots[slot] = k;
  });
  return set;
}
const topKeys = keySet([
  'client',
  'op',
  'voucher',
  'target',
  'args',
  'key',
  'index',
  'invokedAt',
  'completedAt',
  'completion',
  'result',
  'status',
  'violations',
]);
const [
  CLIENT,
  OP,
  VOUCHER,
  TARGET_KEY,
  ARGS,
  KEY_KEY,
  INDEX,
  INVOKED,
  COMPLETED,
  COMPLETION,
  RESULT,
  STATUS,
  VIOLATIONS,
] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const required =
  (1 << CLIENT) |
  (1 << OP) |
  (1 << VOUCHER) |
  (1 << ARGS) |
  (1 << KEY_KEY) |
  (1 << INVOKED) |
  (1 << COMPLETED) |
  (1 << COMPLETION) |
  (1 << RESULT);
const resultKeys = keySet([
  'id',
  'holdId',
  'amount',
  'balance',
  'balanceAfter',
  'refundedTotal',
  'remainderVoucher',
  'receipt',
  'expiresAt',
  'createdAt',
  'code',
  'status',
  'error',
]);
const argKeys = keySet(['amount', 'ttlSeconds', 'receipt']);
const opNames = names(operationNames);
const completionNames = names(['ok', 'fail', 'info']);
const AMOUNT = names(['amount'])[0] as Uint8Array;
const BALANCE = names(['balance'])[0] as Uint8Array;
const NUMBER = names(['number'])[0] as Uint8Array;
const violationKeys = keySet(['path', 'message', 'value']);
const CREATE_HOLD = operationNames.indexOf('createHold');

/** Extra spans the scanner keeps beside the STRING_FIELDS ones. */
const CLIENT_SPAN = STRING_FIELDS;
const VOUCHER_SPAN = STRING_FIELDS + 1;
const CODE_SPAN = STRING_FIELDS + 2;
const EXPIRES_SPAN = STRING_FIELDS + 3;
const CREATED_SPAN = STRING_FIELDS + 4;
const SPANS = STRING_FIELDS + 5;

/**
 * Reads one history line straight from its bytes into the columns, validating it as parseLine does,
 * without making an object of it. It reads the lines a recorder writes; any line it does not read
 * (invalid, a duplicated key, a very long line, deep nesting...) it declines, and the caller parses
 * that line as an object with parseLine, which gives the verdict and the message. It never accepts a
 * line parseLine would refuse, and reads the values JSON.parse would give (test/history/line-scanner).
 */
export class LineScanner {
  private readonly b: Uint8Array;
  private readonly columns: ColumnArrays;
  private readonly tables: ChunkTables;
  private p = 0;
  private e = 0;
  private depth = 0;
  private number = 0;
  private stringStart = 0;
  private stringEnd = 0;
  private plain = true;
  private readonly spanStart = new Int32Array(SPANS);
  private readonly spanEnd = new Int32Array(SPANS);
  /** Bit s set: span s is present; bit s of `spanDecode`: it needs JSON decoding. */
  private spanPresent = 0;
  private spanDecode = 0;
  private kind = 0;
  private completion = 0;
  private index = 0;
  private invokedAt = 0;
  private completedAt = 0;
  private status = 0;
  private violations = 0;
  private flags = 0;
  private resultStatusNumber = false;
  private errorString = false;
  private argAmount = 0;
  private argTtl = 0;
  private resultAmount = 0;
  private resultBalance = 0;
  private resultBalanceAfter = 0;
  private refundedTotal = 0;
  private remainderBalance = 0;

  constructor(bytes: Uint8Array, columns: ColumnArrays, tables: ChunkTables) {
    this.b = bytes;
    this.columns = columns;
    this.tables = tables;
  }

  /**
   * Reads the line `bytes[start..end)` into `slot`; false when it declines the line (nothing useful
   * is written then). `number` is the line's number.
   */
  scan(start: number, end: number, slot: number, number: number): boolean {
    if (end - start > MAX_SPAN_LINE) return false;
    this.p = start;
    this.e = end;
    try {
      this.line();
    } catch (error) {
      if (error === notMine) return false;
      throw error;
    }
    this.write(start, end, slot, number);
    return true;
  }

  private line(): void {
    this.spanPresent = 0;
    this.spanDecode = 0;
    this.index = Number.NaN;
    this.status = Number.NaN;
    this.violations = 0;
    this.flags = 0;
    this.resultStatusNumber = false;
    this.errorString = false;
    this.argAmount = Number.NaN;
    this.argTtl = Number.NaN;
    this.resultAmount = Number.NaN;
    this.resultBalance = Number.NaN;
    this.resultBalanceAfter = Number.NaN;
    this.refundedTotal = Number.NaN;
    this.remainderBalance = Number.NaN;
    this.depth = 0;
    this.ws();
    if (this.b[this.p] !== 0x7b) throw notMine;
    this.p++;
    let seen = 0;
    this.ws();
    for (;;) {
      const key = this.key(topKeys);
      if (key < 0 || seen & (1 << key)) throw notMine;
      seen |= 1 << key;
      this.colon();
      this.topValue(key);
      if (!this.next()) break;
    }
    this.ws();
    if (this.p !== this.e || (seen & required) !== required) throw notMine;
    if (this.completedAt < this.invokedAt) throw notMine;
    // checkResult: the result is an object (topValue made sure) with what its completion needs.
    if (this.completion === 1 && (!this.has(CODE_SPAN) || !this.resultStatusNumber)) throw notMine;
    if (this.completion === 2 && !this.errorString) throw notMine;
  }

  private topValue(key: number): void {
    const b = this.b;
    switch (key) {
      case CLIENT:
      case VOUCHER:
        this.string();
        if (this.stringEnd === this.stringStart) throw notMine;
        this.span(key === CLIENT ? CLIENT_SPAN : VOUCHER_SPAN);
        return;
      case OP:
        this.kind = this.word(opNames);
        return;
      case COMPLETION:
        this.completion = this.word(completionNames);
        return;
      case TARGET_KEY:
        if (this.nullValue()) return;
        this.string();
        if (this.stringEnd === this.stringStart) throw notMine;
        this.span(TARGET);
        return;
      case KEY_KEY:
        if (this.nullValue()) return;
        this.string();
        this.span(KEY);
        return;
      case ARGS:
        if (b[this.p] !== 0x7b) throw notMine;
        this.args();
        return;
      case RESULT:
        if (b[this.p] !== 0x7b) throw notMine;
        this.result();
        return;
      case VIOLATIONS:
        this.violationList();
        return;
      default: {
        // index, invokedAt, completedAt, status: integers, at least 1 for index and 0 otherwise.
        if (!this.isNumber()) throw notMine;
        const value = this.readNumber();
        if (!Number.isInteger(value) || value < (key === INDEX ? 1 : 0)) throw notMine;
        if (key === INDEX) this.index = value;
        else if (key === INVOKED) this.invokedAt = value;
        else if (key === COMPLETED) this.completedAt = value;
        else if (key === STATUS) this.status = value;
      }
    }
  }

  private args(): void {
    this.p++;
    this.ws();
    if (this.b[this.p] === 0x7d) {
      this.p++;
      return;
    }
    for (;;) {
      const key = this.key(argKeys);
      this.colon();
      if (key === 0) this.argAmount = this.minor();
      else if (key === 1) this.argTtl = this.isNumber() ? this.readNumber() : this.skipNaN();
      else if (key === 2) this.receipt(ARG_RECEIPT);
      else this.value();
      if (!this.next()) return;
    }
  }

  private result(): void {
    this.p++;
    this.ws();
    if (this.b[this.p] === 0x7d) {
      this.p++;
      return;
    }
    for (;;) {
      const key = this.key(resultKeys);
      this.colon();
      switch (key) {
        case 0:
          this.optionalString(RESULT_ID);
          break;
        case 1:
          this.optionalString(HOLD_ID);
          break;
        case 2:
          this.resultAmount = this.minor();
          break;
        case 3:
          this.resultBalance = this.minor();
          break;
        case 4:
          this.resultBalanceAfter = this.minor();
          break;
        case 5:
          this.refundedTotal = this.minor();
          break;
        case 6:
          this.remainder();
          break;
        case 7:
          this.receipt(RESULT_RECEIPT);
          break;
        case 8:
          this.optionalString(EXPIRES_SPAN);
          break;
        case 9:
          this.optionalString(CREATED_SPAN);
          break;
        case 10:
          this.optionalString(CODE_SPAN);
          break;
        case 11:
          this.resultStatusNumber = this.isNumber();
          if (this.resultStatusNumber) this.setZeroStatus(this.readNumber() === 0);
          else {
            this.setZeroStatus(false);
            this.value();
          }
          break;
        case 12:
          this.errorString = this.b[this.p] === 0x22;
          this.value();
          break;
        default:
          this.value();
      }
      if (!this.next()) return;
    }
  }

  private setZeroStatus(zero: boolean): void {
    this.flags = zero ? this.flags | ZERO_STATUS : this.flags & ~ZERO_STATUS;
  }

  /** remainderVoucher: whether it is truthy, and the minor units of its balance when it is an object. */
  private remainder(): void {
    const c = this.b[this.p];
    this.remainderBalance = Number.NaN;
    let truthy: boolean;
    if (c === 0x7b) {
      truthy = true;
      this.p++;
      this.ws();
      if (this.b[this.p] === 0x7d) this.p++;
      else
        for (;;) {
          const balance = this.keyIs(BALANCE);
          this.colon();
          if (balance) this.remainderBalance = this.minor();
          else this.value();
          if (!this.next()) break;
        }
    } else if (c === 0x22) {
      this.string();
      truthy = this.stringEnd > this.stringStart;
    } else if (this.isNumber()) truthy = this.readNumber() !== 0;
    else {
      truthy = c === 0x74 || c === 0x5b;
      this.value();
    }
    this.flags = truthy ? this.flags | REMAINDER : this.flags & ~REMAINDER;
  }

  /** receipt: the span of its `number` when that is a string. */
  private receipt(span: number): void {
    this.clear(span);
    if (this.b[this.p] !== 0x7b) {
      this.value();
      return;
    }
    this.p++;
    this.ws();
    if (this.b[this.p] === 0x7d) {
      this.p++;
      return;
    }
    for (;;) {
      const isNumber = this.keyIs(NUMBER);
      this.colon();
      if (isNumber) this.optionalString(span);
      else this.value();
      if (!this.next()) return;
    }
  }

  /** Minor units as minorUnits reads them: a safe integer, or an object whose `amount` is one; else NaN. */
  private minor(): number {
    const c = this.b[this.p];
    if (this.isNumber()) {
      const value = this.readNumber();
      return Number.isSafeInteger(value) ? value : Number.NaN;
    }
    if (c !== 0x7b) {
      this.value();
      return Number.NaN;
    }
    let amount = Number.NaN;
    this.p++;
    this.ws();
    if (this.b[this.p] === 0x7d) {
      this.p++;
      return amount;
    }
    for (;;) {
      const isAmount = this.keyIs(AMOUNT);
      this.colon();
      if (isAmount && this.isNumber()) {
        const value = this.readNumber();
        amount = Number.isSafeInteger(value) ? value : Number.NaN;
      } else {
        if (isAmount) amount = Number.NaN;
        this.value();
      }
      if (!this.next()) return amount;
    }
  }

  private violationList(): void {
    const b = this.b;
    if (b[this.p] !== 0x5b) throw notMine;
    this.p++;
    this.ws();
    let count = 0;
    if (b[this.p] === 0x5d) {
      this.p++;
      this.violations = 0;
      return;
    }
    for (;;) {
      if (b[this.p] !== 0x7b) throw notMine;
      this.p++;
      this.ws();
      let seen = 0;
      if (b[this.p] !== 0x7d)
        for (;;) {
          const key = this.key(violationKeys);
          if (key < 0 || seen & (1 << key)) throw notMine;
          seen |= 1 << key;
          this.colon();
          if (key < 2 && b[this.p] !== 0x22) throw notMine;
          this.value();
          if (!this.next()) break;
        }
      else this.p++;
      if ((seen & 3) !== 3) throw notMine;
      count++;
      this.ws();
      if (b[this.p] === 0x2c) {
        this.p++;
        this.ws();
        continue;
      }
      if (b[this.p] !== 0x5d) throw notMine;
      this.p++;
      this.violations = count;
      return;
    }
  }

  // ---- spans and strings ----

  private optionalString(span: number): void {
    if (this.b[this.p] === 0x22) {
      this.string();
      this.span(span);
    } else {
      this.clear(span);
      this.value();
    }
  }

  private span(span: number): void {
    this.spanStart[span] = this.stringStart;
    this.spanEnd[span] = this.stringEnd;
    this.spanPresent |= 1 << span;
    if (this.plain) this.spanDecode &= ~(1 << span);
    else this.spanDecode |= 1 << span;
  }

  private clear(span: number): void {
    this.spanPresent &= ~(1 << span);
  }

  private has(span: number): boolean {
    return (this.spanPresent & (1 << span)) !== 0;
  }

  /** The string of a span (JSON-decoded when it has escapes or non-ASCII bytes). */
  private text(span: number): string {
    const start = this.spanStart[span] as number;
    const end = this.spanEnd[span] as number;
    if ((this.spanDecode & (1 << span)) === 0) return latin1(this.b, start, end);
    return JSON.parse(
      Buffer.from(this.b.buffer, this.b.byteOffset + start - 1, end - start + 2).toString('utf8'),
    );
  }

  /** A string at p: its content is stringStart..stringEnd; `plain` when ASCII without escapes. */
  private string(): void {
    const b = this.b;
    const e = this.e;
    if (b[this.p] !== 0x22) throw notMine;
    let p = this.p + 1;
    this.stringStart = p;
    let plain = true;
    for (;;) {
      while (p < e && stringByte[b[p] as number] === 0) p++;
      if (p >= e) throw notMine;
      const c = b[p] as number;
      if (c === 0x22) break;
      if (c === 0x5c) {
        plain = false;
        const escaped = b[p + 1];
        if (escaped === 0x75) {
          for (let k = 2; k < 6; k++) if (!isHex(b[p + k] as number)) throw notMine;
          p += 6;
        } else if (
          escaped === 0x22 ||
          escaped === 0x5c ||
          escaped === 0x2f ||
          escaped === 0x62 ||
          escaped === 0x66 ||
          escaped === 0x6e ||
          escaped === 0x72 ||
          escaped === 0x74
        )
          p += 2;
        else throw notMine;
        continue;
      }
      if (c < 0x20) throw notMine;
      plain = false;
      p++;
    }
    this.stringEnd = p;
    this.plain = plain;
    this.p = p + 1;
  }

  /** An object key among `keys`, by its index, or -1 for another key (which must be ASCII without escapes). */
  private key(keys: KeySet): number {
    this.string();
    if (!this.plain) throw notMine;
    const start = this.stringStart;
    const length = this.stringEnd - start;
    if (length === 0) return -1;
    const b = this.b;
    const k = keys.slots[slotOf(length, b[start] as number, b[start + length - 1] as number)] as number;
    if (k < 0) return -1;
    const name = keys.names[k] as Uint8Array;
    return name.length === length && this.spells(name) ? k : -1;
  }

  private keyIs(name: Uint8Array): boolean {
    this.string();
    if (!this.plain) throw notMine;
    return this.stringEnd - this.stringStart === name.length && this.spells(name);
  }

  private spells(name: Uint8Array): boolean {
    const b = this.b;
    const start = this.stringStart;
    for (let i = 0; i < name.length; i++) if (b[start + i] !== name[i]) return false;
    return true;
  }

  /** A string that must be one of `words` exactly (no escapes): its index. */
  private word(words: readonly Uint8Array[]): number {
    this.string();
    if (!this.plain) throw notMine;
    const length = this.stringEnd - this.stringStart;
    for (let k = 0; k < words.length; k++) {
      const word = words[k] as Uint8Array;
      if (word.length === length && this.spells(word)) return k;
    }
    throw notMine;
  }

  // ---- structure ----

  private ws(): void {
    const b = this.b;
    let p = this.p;
    // Recorders write no whitespace: one look settles the common case.
    if ((b[p] as number) > 0x20) return;
    const e = this.e;
    while (p < e) {
      const c = b[p];
      if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) break;
      p++;
    }
    this.p = p;
  }

  private colon(): void {
    this.ws();
    if (this.b[this.p] !== 0x3a) throw notMine;
    this.p++;
    this.ws();
  }

  /** After a member or element: true at a comma (moved past it), false at the closing brace or bracket. */
  private next(): boolean {
    this.ws();
    const c = this.b[this.p];
    if (c === 0x2c) {
      this.p++;
      this.ws();
      return true;
    }
    if (c !== 0x7d) throw notMine;
    this.p++;
    return false;
  }

  private nullValue(): boolean {
    const b = this.b;
    const p = this.p;
    if (b[p] === 0x6e && b[p + 1] === 0x75 && b[p + 2] === 0x6c && b[p + 3] === 0x6c) {
      this.p = p + 4;
      return true;
    }
    return false;
  }

  private skipNaN(): number {
    this.value();
    return Number.NaN;
  }

  /** Skips any JSON value at p, checking its syntax. */
  private value(): void {
    const b = this.b;
    const c = b[this.p];
    if (c === 0x22) this.string();
    else if (c === 0x7b || c === 0x5b) this.container(c === 0x7b);
    else if (this.isNumber()) this.readNumber();
    else if (c === 0x74) this.literal(0x74, 0x72, 0x75, 0x65, 4);
    else if (c === 0x66) this.literal(0x66, 0x61, 0x6c, 0x73, 5);
    else if (!this.nullValue()) throw notMine;
  }

  private literal(a: number, b2: number, c3: number, d4: number, length: number): void {
    const b = this.b;
    const p = this.p;
    if (b[p] !== a || b[p + 1] !== b2 || b[p + 2] !== c3 || b[p + 3] !== d4) throw notMine;
    if (length === 5 && b[p + 4] !== 0x65) throw notMine;
    this.p = p + length;
  }

  private container(object: boolean): void {
    if (++this.depth > 64) throw notMine;
    const b = this.b;
    const close = object ? 0x7d : 0x5d;
    this.p++;
    this.ws();
    if (b[this.p] === close) {
      this.p++;
      this.depth--;
      return;
    }
    for (;;) {
      if (object) {
        this.string();
        this.colon();
      }
      this.value();
      this.ws();
      const c = b[this.p];
      if (c === 0x2c) {
        this.p++;
        this.ws();
        continue;
      }
      if (c !== close) throw notMine;
      this.p++;
      this.depth--;
      return;
    }
  }

  private isNumber(): boolean {
    const c = this.b[this.p] as number;
    return c === 0x2d || (c >= 0x30 && c <= 0x39);
  }

  /** A JSON number at p (its syntax checked), as JSON.parse reads it. */
  private readNumber(): number {
    const b = this.b;
    const start = this.p;
    let p = start;
    const negative = b[p] === 0x2d;
    if (negative) p++;
    let c = b[p] as number;
    let value = 0;
    let digits = 0;
    if (c === 0x30) {
      p++;
      digits = 1;
    } else if (c >= 0x31 && c <= 0x39) {
      while (c >= 0x30 && c <= 0x39) {
        value = value * 10 + (c - 0x30);
        digits++;
        c = b[++p] as number;
      }
    } else throw notMine;
    let simple = digits <= 15;
    c = b[p] as number;
    if (c === 0x2e) {
      simple = false;
      p++;
      if (!isDigit(b[p] as number)) throw notMine;
      while (isDigit(b[p] as number)) p++;
      c = b[p] as number;
    }
    if (c === 0x65 || c === 0x45) {
      simple = false;
      p++;
      if (b[p] === 0x2b || b[p] === 0x2d) p++;
      if (!isDigit(b[p] as number)) throw notMine;
      while (isDigit(b[p] as number)) p++;
    }
    if (p > this.e) throw notMine;
    this.p = p;
    if (simple) return negative ? -value : value;
    return Number(latin1(b, start, p));
  }

  // ---- writing ----

  private write(start: number, end: number, slot: number, number: number): void {
    const columns = this.columns;
    columns.lineStart[slot] = start;
    columns.lineLength[slot] = end - start;
    columns.line[slot] = number;
    columns.kind[slot] = this.kind;
    columns.completion[slot] = this.completion;
    columns.voucher[slot] = this.intern(VOUCHER_SPAN, this.tables.vouchers);
    columns.client[slot] = this.intern(CLIENT_SPAN, this.tables.clients);
    columns.code[slot] = this.has(CODE_SPAN) ? this.intern(CODE_SPAN, this.tables.codes) : -1;
    columns.invokedAt[slot] = this.invokedAt;
    columns.completedAt[slot] = this.completedAt;
    columns.status[slot] = this.status;
    columns.number[slot] = this.index;
    columns.violations[slot] = this.violations;
    columns.flags[slot] = this.flags;
    columns.escaped[slot] = this.spanDecode & ((1 << STRING_FIELDS) - 1);
    const base = slot * STRING_FIELDS;
    for (let f = 0; f < STRING_FIELDS; f++) {
      const present = this.has(f);
      columns.stringOffset[base + f] = present ? (this.spanStart[f] as number) - start : NO_STRING;
      columns.stringLength[base + f] = present
        ? (this.spanEnd[f] as number) - (this.spanStart[f] as number)
        : 0;
    }
    columns.targetHash[slot] = this.hash(TARGET);
    columns.keyHash[slot] = this.hash(KEY);
    columns.idHash[slot] = this.hash(RESULT_ID);
    columns.argAmount[slot] = this.argAmount;
    columns.argTtl[slot] = this.argTtl;
    columns.resultAmount[slot] = this.resultAmount;
    columns.resultBalance[slot] = this.resultBalance;
    columns.resultBalanceAfter[slot] = this.resultBalanceAfter;
    columns.refundedTotal[slot] = this.refundedTotal;
    columns.remainderBalance[slot] = this.remainderBalance;
    columns.resultTtlMs[slot] =
      this.kind === CREATE_HOLD && this.has(EXPIRES_SPAN) && this.has(CREATED_SPAN)
        ? ttlMillis(this.text(EXPIRES_SPAN), this.text(CREATED_SPAN))
        : Number.NaN;
  }

  private intern(span: number, table: ChunkTables['vouchers']): number {
    if ((this.spanDecode & (1 << span)) === 0)
      return table.internBytes(this.b, this.spanStart[span] as number, this.spanEnd[span] as number);
    return table.intern(this.text(span));
  }

  private hash(span: number): number {
    if (!this.has(span)) return 0;
    if ((this.spanDecode & (1 << span)) === 0)
      return hashBytes(this.b, this.spanStart[span] as number, this.spanEnd[span] as number);
    return hashString(this.text(span));
  }
}

/** 0 for a byte that may stand in a plain string as it is; 1 for a quote, backslash, control or non-ASCII byte. */
const stringByte = Uint8Array.from({ length: 256 }, (_, c) =>
  c === 0x22 || c === 0x5c || c < 0x20 || c >= 0x80 ? 1 : 0,
);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
