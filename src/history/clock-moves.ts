import type { Operation } from './operation.ts';

/**
 * One move of the tenant's test clock (`advanceTestClock`), as the history records it: when it was
 * called and answered (monotonic micros; Infinity when its outcome is unknown) and how far it moves.
 */
export interface ClockMove {
  invokedAt: number;
  completedAt: number;
  micros: number;
  /** true: it happened (ok); false: it may have happened (info). A refused move is not a move. */
  certain: boolean;
}

/** The move an operation records, or null: not a clock move, refused, or without a readable distance. */
export function clockMoveOf(op: Operation): ClockMove | null {
  if (op.op !== 'advanceTestClock' || op.completion === 'fail') return null;
  const seconds = op.args.advanceSeconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return {
    invokedAt: op.invokedAt,
    completedAt: op.completion === 'info' ? Number.POSITIVE_INFINITY : op.completedAt,
    micros: seconds * 1_000_000,
    certain: op.completion === 'ok',
  };
}

/**
 * The test clock's moves in one history: every voucher of the run shares its tenant's clock, so each
 * move concerns them all, whichever voucher its line names. A hold's time-to-live runs on that clock:
 * moves bring its expiry closer in real (monotonic) time. Without moves both bounds are what real time
 * alone gives: the earliest expiry is call + TTL, and no hold is ever certainly expired.
 */
export class ClockMoves {
  static readonly none = new ClockMoves([]);
  readonly moves: readonly ClockMove[];
  readonly #byCall: readonly ClockMove[];
  readonly #byReturn: readonly ClockMove[];

  constructor(moves: readonly ClockMove[]) {
    this.moves = moves;
    this.#byCall = [...moves].sort((a, b) => a.invokedAt - b.invokedAt);
    this.#byReturn = moves.filter((m) => m.certain).sort((a, b) => a.completedAt - b.completedAt);
  }

  /** Flat quadruples (call, return, micros, certain) for typed arrays shared with worker threads. */
  toFlat(): number[] {
    return this.moves.flatMap((m) => [m.invokedAt, m.completedAt, m.micros, m.certain ? 1 : 0]);
  }

  static fromFlat(flat: ArrayLike<number>): ClockMoves {
    if (flat.length === 0) return ClockMoves.none;
    const moves: ClockMove[] = [];
    for (let k = 0; k + 3 < flat.length; k += 4)
      moves.push({
        invokedAt: flat[k] as number,
        completedAt: flat[k + 1] as number,
        micros: flat[k + 2] as number,
        certain: flat[k + 3] === 1,
      });
    return new ClockMoves(moves);
  }

  /**
   * The real time before which a hold called at `invokedAt` with this time-to-live cannot have expired.
   * Its clock reading is at least the call plus the moves certainly made before the call; the clock at
   * real time r is at most r plus every move called by r (any of them may have landed at once).
   */
  earliestExpiry(invokedAt: number, ttl: number): number {
    if (!Number.isFinite(ttl)) return Number.POSITIVE_INFINITY;
    const due = invokedAt + ttl;
    if (this.moves.length === 0) return due;
    let ahead = 0;
    for (const move of this.#byCall) {
      if (move.certain && move.completedAt < invokedAt) continue;
      if (due - ahead < move.invokedAt) break;
      ahead += move.micros;
      if (due - ahead <= move.invokedAt) return Math.max(invokedAt, move.invokedAt);
    }
    return Math.max(invokedAt, due - ahead);
  }

  /**
   * The real time after which a hold answered at `completedAt` has certainly expired: the return of
   * the move by which moves called after that answer and certainly made add up to its time-to-live.
   * Real time is not counted (the target's clock and the history's are not the same clock); Infinity
   * when the moves never add up to it.
   */
  certainExpiry(completedAt: number, ttl: number): number {
    if (!Number.isFinite(ttl) || !Number.isFinite(completedAt)) return Number.POSITIVE_INFINITY;
    let moved = 0;
    for (const move of this.#byReturn) {
      if (move.invokedAt <= completedAt) continue;
      moved += move.micros;
      if (moved >= ttl) return move.completedAt;
    }
    return Number.POSITIVE_INFINITY;
  }
}

/** The clock moves of a history's operations. */
export function clockMovesOf(ops: readonly Operation[]): ClockMoves {
  const moves: ClockMove[] = [];
  for (const op of ops) {
    if (op.op !== 'advanceTestClock') continue;
    const move = clockMoveOf(op);
    if (move) moves.push(move);
  }
  return moves.length === 0 ? ClockMoves.none : new ClockMoves(moves);
}
