import type { CallReturnList, Span } from './call-return-list.ts';

/** The set of operations the search has placed, and a memo key for it. */
export interface PlacedKeys {
  toggle(op: number, on: boolean): void;
  key(): string | number;
}

/**
 * The exact key of a placed set, kept compact: definite operations are ranked in call order, and a
 * placed set is the first unplaced definite one (the frontier), the placed ones after it, and a bitset
 * of the operations whose outcome is unknown (they never return, so they can stay unplaced to the end).
 */
export class PlacedSet implements PlacedKeys {
  private readonly rank: Int32Array;
  private readonly unknownOp: Uint8Array;
  private readonly placedDefinite: Uint8Array;
  private readonly placedUnknown: Uint16Array;
  private readonly definite: number;
  private readonly unknown: number;
  private frontier = 0;
  private placedDefiniteCount = 0;
  private unknownKey = '';

  constructor(list: CallReturnList, ops: readonly Span[]) {
    const n = ops.length;
    this.rank = new Int32Array(n);
    this.unknownOp = new Uint8Array(n);
    let definite = 0;
    let unknown = 0;
    for (let p = 1; p <= 2 * n; p++) {
      if (!list.isCall[p]) continue;
      const op = list.opAt[p] as number;
      const known = Number.isFinite((ops[op] as Span).ret);
      this.unknownOp[op] = known ? 0 : 1;
      this.rank[op] = known ? definite++ : unknown++;
    }
    this.definite = definite;
    this.unknown = unknown;
    this.placedDefinite = new Uint8Array(definite);
    this.placedUnknown = new Uint16Array(Math.ceil(unknown / 16));
  }

  toggle(op: number, on: boolean): void {
    const r = this.rank[op] as number;
    if (this.unknownOp[op]) {
      const word = r >> 4;
      this.placedUnknown[word] = (this.placedUnknown[word] as number) ^ (1 << (r & 15));
      this.unknownKey = String.fromCharCode(...this.placedUnknown);
      return;
    }
    this.placedDefiniteCount += on ? 1 : -1;
    this.placedDefinite[r] = on ? 1 : 0;
    if (on) while (this.frontier < this.definite && this.placedDefinite[this.frontier]) this.frontier++;
    else if (r < this.frontier) this.frontier = r;
  }

  key(): string {
    let extra = this.placedDefiniteCount - this.frontier;
    let key = `${this.frontier}`;
    for (let r = this.frontier + 1; extra > 0; r++)
      if (this.placedDefinite[r]) {
        key += `,${r}`;
        extra--;
      }
    return this.unknown > 0 ? `${key}|${this.unknownKey}` : key;
  }
}
