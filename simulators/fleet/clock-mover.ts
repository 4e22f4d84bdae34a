import type { CallFn } from './recording-client.ts';

/** How the race moves the tenant's test clock while the counters work. */
export interface ClockMoveOptions {
  /** Seconds per move: past a hold's time-to-live, the holds the counters left open expire by it. */
  seconds: number;
  /**
   * Operations recorded between moves: the pace is a count, not a wall-clock period, so a race moves
   * the clock as often on a loaded machine as on an idle one, and against a remote target as locally.
   */
  everyOps: number;
}

/**
 * A client that moves the tenant's test clock forward while the counters race, each move recorded in
 * the history as `advanceTestClock` (the checkers let holds expire by the moves that may have landed).
 * `recorded(n)` resolves once the history holds n operations, or the counters are done; the mover stops
 * when `more()` says the race is done. Bounded by the race's own count and time bounds.
 */
export async function moveClockWhile(
  call: CallFn,
  voucher: string,
  options: ClockMoveOptions,
  more: () => boolean,
  recorded: { count(): number; reach(n: number): Promise<void> },
): Promise<number> {
  let moves = 0;
  for (;;) {
    await recorded.reach(recorded.count() + options.everyOps);
    if (!more()) return moves;
    await call({
      op: 'advanceTestClock',
      voucher,
      body: { advanceSeconds: options.seconds },
      role: 'pos',
    });
    moves += 1;
  }
}
