import {
  type ColumnArrays,
  KEY,
  MAX_SPAN_LINE,
  NO_STRING,
  RESULT_ID,
  STRING_FIELDS,
  TARGET,
} from './column-layout.ts';
import { keySet, names, notMine } from './json-cursor.ts';
import {
  CLIENT_SPAN,
  CODE_SPAN,
  CREATED_SPAN,
  EXPIRES_SPAN,
  LineValues,
  VOUCHER_SPAN,
} from './line-values.ts';
import { operationNames } from './operation.ts';
import { type ChunkTables, ttlMillis } from './operation-columns.ts';
import { hashBytes, hashString } from './string-hash.ts';

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
const opNames = names(operationNames);
const completionNames = names(['ok', 'fail', 'info']);
const CREATE_HOLD = operationNames.indexOf('createHold');

/**
 * Reads one history line straight from its bytes into the columns, validating it as parseLine does,
 * without making an object of it. It reads the lines a recorder writes; any line it does not read
 * (invalid, a duplicated key, a very long line, deep nesting...) it declines, and the caller parses
 * that line as an object with parseLine, which gives the verdict and the message. It never accepts a
 * line parseLine would refuse, and reads the values JSON.parse would give (test/history/line-scanner).
 */
export class LineScanner extends LineValues {
  private readonly columns: ColumnArrays;
  private readonly tables: ChunkTables;
  private kind = 0;
  private completion = 0;
  private index = 0;
  private invokedAt = 0;
  private completedAt = 0;
  private status = 0;

  constructor(bytes: Uint8Array, columns: ColumnArrays, tables: ChunkTables) {
    super(bytes);
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
