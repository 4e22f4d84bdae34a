import { latin1 } from './string-interner.ts';

/** Thrown inside a cursor when a line is not one it reads: the line is then parsed as an object. */
export const notMine = new Error('not a line the scanner reads');

export const names = (list: readonly string[]) =>
  list.map((name) => Uint8Array.from(name, (c) => c.charCodeAt(0)));

/** Keys looked up in one step: a slot from the length and the first and last bytes, then one comparison. */
export interface KeySet {
  names: Uint8Array[];
  slots: Int8Array;
}

const slotOf = (length: number, first: number, last: number) => (length * 7 + first + last * 3) & 255;

export function keySet(list: readonly string[]): KeySet {
  const set = { names: names(list), slots: new Int8Array(256).fill(-1) };
  set.names.forEach((name, k) => {
    const slot = slotOf(name.length, name[0] as number, name[name.length - 1] as number);
    if (set.slots[slot] !== -1) throw new Error(`key set: ${list[k]} shares a slot`);
    set.slots[slot] = k;
  });
  return set;
}

/**
 * Reads JSON from bytes, one value at a time, checking its syntax as JSON.parse does; anything it does
 * not read (an escape in a key, a nesting over 64, a value cut short) throws `notMine`, and the line is
 * then read as an object. The position is `p`, the end of the line `e`; a string just read lies at
 * stringStart..stringEnd, `plain` when it is ASCII without escapes.
 */
export class JsonCursor {
  protected readonly b: Uint8Array;
  protected p = 0;
  protected e = 0;
  protected depth = 0;
  protected stringStart = 0;
  protected stringEnd = 0;
  protected plain = true;

  constructor(bytes: Uint8Array) {
    this.b = bytes;
  }

  /** A string at p: its content is stringStart..stringEnd; `plain` when ASCII without escapes. */
  protected string(): void {
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
  protected key(keys: KeySet): number {
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

  protected keyIs(name: Uint8Array): boolean {
    this.string();
    if (!this.plain) throw notMine;
    return this.stringEnd - this.stringStart === name.length && this.spells(name);
  }

  protected spells(name: Uint8Array): boolean {
    const b = this.b;
    const start = this.stringStart;
    for (let i = 0; i < name.length; i++) if (b[start + i] !== name[i]) return false;
    return true;
  }

  /** A string that must be one of `words` exactly (no escapes): its index. */
  protected word(words: readonly Uint8Array[]): number {
    this.string();
    if (!this.plain) throw notMine;
    const length = this.stringEnd - this.stringStart;
    for (let k = 0; k < words.length; k++) {
      const word = words[k] as Uint8Array;
      if (word.length === length && this.spells(word)) return k;
    }
    throw notMine;
  }

  protected ws(): void {
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

  protected colon(): void {
    this.ws();
    if (this.b[this.p] !== 0x3a) throw notMine;
    this.p++;
    this.ws();
  }

  /** After a member or element: true at a comma (moved past it), false at the closing brace or bracket. */
  protected next(): boolean {
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

  protected nullValue(): boolean {
    const b = this.b;
    const p = this.p;
    if (b[p] === 0x6e && b[p + 1] === 0x75 && b[p + 2] === 0x6c && b[p + 3] === 0x6c) {
      this.p = p + 4;
      return true;
    }
    return false;
  }

  /** Skips any JSON value at p, checking its syntax. */
  protected value(): void {
    const b = this.b;
    const c = b[this.p];
    if (c === 0x22) this.string();
    else if (c === 0x7b || c === 0x5b) this.container(c === 0x7b);
    else if (this.isNumber()) this.readNumber();
    else if (c === 0x74) this.literal(0x74, 0x72, 0x75, 0x65, 4);
    else if (c === 0x66) this.literal(0x66, 0x61, 0x6c, 0x73, 5);
    else if (!this.nullValue()) throw notMine;
  }

  protected literal(a: number, b2: number, c3: number, d4: number, length: number): void {
    const b = this.b;
    const p = this.p;
    if (b[p] !== a || b[p + 1] !== b2 || b[p + 2] !== c3 || b[p + 3] !== d4) throw notMine;
    if (length === 5 && b[p + 4] !== 0x65) throw notMine;
    this.p = p + length;
  }

  protected container(object: boolean): void {
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

  protected isNumber(): boolean {
    const c = this.b[this.p] as number;
    return c === 0x2d || (c >= 0x30 && c <= 0x39);
  }

  /** A JSON number at p (its syntax checked), as JSON.parse reads it. */
  protected readNumber(): number {
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
