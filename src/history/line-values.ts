import {
  ARG_RECEIPT,
  HOLD_ID,
  REMAINDER,
  RESULT_ID,
  RESULT_RECEIPT,
  STRING_FIELDS,
  ZERO_STATUS,
} from './column-layout.ts';
import { JsonCursor, keySet, names, notMine } from './json-cursor.ts';
import { latin1 } from './string-interner.ts';

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
const AMOUNT = names(['amount'])[0] as Uint8Array;
const BALANCE = names(['balance'])[0] as Uint8Array;
const NUMBER = names(['number'])[0] as Uint8Array;
const violationKeys = keySet(['path', 'message', 'value']);

/** Extra spans the scanner keeps beside the STRING_FIELDS ones. */
export const CLIENT_SPAN = STRING_FIELDS;
export const VOUCHER_SPAN = STRING_FIELDS + 1;
export const CODE_SPAN = STRING_FIELDS + 2;
export const EXPIRES_SPAN = STRING_FIELDS + 3;
export const CREATED_SPAN = STRING_FIELDS + 4;
const SPANS = STRING_FIELDS + 5;

/**
 * The values of one history line that the checkers read, as the cursor meets them: spans of its
 * strings (where they lie in the line, whether they need decoding), its numbers and money in minor
 * units (NaN where there is none, as minorUnits reads them), and what a completion's result must hold.
 */
export class LineValues extends JsonCursor {
  protected readonly spanStart = new Int32Array(SPANS);
  protected readonly spanEnd = new Int32Array(SPANS);
  /** Bit s set: span s is present; bit s of `spanDecode`: it needs JSON decoding. */
  protected spanPresent = 0;
  protected spanDecode = 0;
  protected violations = 0;
  protected flags = 0;
  protected resultStatusNumber = false;
  protected errorString = false;
  protected argAmount = 0;
  protected argTtl = 0;
  protected resultAmount = 0;
  protected resultBalance = 0;
  protected resultBalanceAfter = 0;
  protected refundedTotal = 0;
  protected remainderBalance = 0;

  protected args(): void {
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

  protected result(): void {
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

  protected setZeroStatus(zero: boolean): void {
    this.flags = zero ? this.flags | ZERO_STATUS : this.flags & ~ZERO_STATUS;
  }

  /** remainderVoucher: whether it is truthy, and the minor units of its balance when it is an object. */
  protected remainder(): void {
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
  protected receipt(span: number): void {
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
  protected minor(): number {
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

  protected violationList(): void {
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

  protected optionalString(span: number): void {
    if (this.b[this.p] === 0x22) {
      this.string();
      this.span(span);
    } else {
      this.clear(span);
      this.value();
    }
  }

  protected span(span: number): void {
    this.spanStart[span] = this.stringStart;
    this.spanEnd[span] = this.stringEnd;
    this.spanPresent |= 1 << span;
    if (this.plain) this.spanDecode &= ~(1 << span);
    else this.spanDecode |= 1 << span;
  }

  protected clear(span: number): void {
    this.spanPresent &= ~(1 << span);
  }

  protected has(span: number): boolean {
    return (this.spanPresent & (1 << span)) !== 0;
  }

  /** The string of a span (JSON-decoded when it has escapes or non-ASCII bytes). */
  protected text(span: number): string {
    const start = this.spanStart[span] as number;
    const end = this.spanEnd[span] as number;
    if ((this.spanDecode & (1 << span)) === 0) return latin1(this.b, start, end);
    return JSON.parse(
      Buffer.from(this.b.buffer, this.b.byteOffset + start - 1, end - start + 2).toString('utf8'),
    );
  }

  protected skipNaN(): number {
    this.value();
    return Number.NaN;
  }
}
