/**
 * The calls and returns of a partition's operations in time order, as a doubly linked list over
 * positions 1..2n (0 is the head, -1 the end), from which the search lifts an operation's call and
 * return when it places the operation and puts them back when it undoes that. At equal times calls come
 * before returns, so operations that touch in time count as overlapping.
 */
/** When an operation was called and when it returned (Infinity: never, its outcome is unknown). */
export interface Span {
  call: number;
  ret: number;
}

export class CallReturnList {
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** The operation of each position. */
  readonly opAt: Int32Array;
  /** 1 where the position is a call. */
  readonly isCall: Uint8Array;
  /** The position of each operation's return. */
  private readonly retPos: Int32Array;

  constructor(ops: readonly Span[]) {
    const n = ops.length;
    const events = new Int32Array(2 * n);
    for (let i = 0; i < 2 * n; i++) events[i] = i;
    const time = (e: number) => (e < n ? (ops[e] as Span).call : (ops[e - n] as Span).ret);
    events.sort((a, b) => time(a) - time(b) || (a < n ? 0 : 1) - (b < n ? 0 : 1) || a - b);
    this.next = new Int32Array(2 * n + 1);
    this.prev = new Int32Array(2 * n + 1);
    this.opAt = new Int32Array(2 * n + 1);
    this.isCall = new Uint8Array(2 * n + 1);
    this.retPos = new Int32Array(n);
    for (let p = 1; p <= 2 * n; p++) {
      const e = events[p - 1] as number;
      this.opAt[p] = e < n ? e : e - n;
      this.isCall[p] = e < n ? 1 : 0;
      if (e >= n) this.retPos[e - n] = p;
      this.next[p - 1] = p;
      this.prev[p] = p - 1;
    }
    this.next[2 * n] = -1;
  }

  /** Takes the call at position `p` and its operation's return out of the list. */
  lift(p: number): void {
    const { next, prev } = this;
    const r = this.retPos[this.opAt[p] as number] as number;
    next[prev[p] as number] = next[p] as number;
    if ((next[p] as number) >= 0) prev[next[p] as number] = prev[p] as number;
    next[prev[r] as number] = next[r] as number;
    if ((next[r] as number) >= 0) prev[next[r] as number] = prev[r] as number;
  }

  /** Puts back what lift(p) took out (in the reverse order of lifting). */
  unlift(p: number): void {
    const { next, prev } = this;
    const r = this.retPos[this.opAt[p] as number] as number;
    next[prev[r] as number] = r;
    if ((next[r] as number) >= 0) prev[next[r] as number] = r;
    next[prev[p] as number] = p;
    if ((next[p] as number) >= 0) prev[next[p] as number] = p;
  }
}
