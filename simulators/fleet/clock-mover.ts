import type { CallFn } from './recording-client.ts';

/** How the race moves the tenant's test clock while the counters work. */
export interface ClockMoveOptions {
  /** Seconds per move: past a hold's time-to-live, the holds the counters left open expire by it. */
  seconds: number;
  /** Pause between moves (real time). */
  everyMs: number;
}

/**
 * A client that moves the tenant's test clock forward while the counters race, each move recorded in
 * the history as `advanceTestClock` (the checkers let holds expire by the moves that may have landed).
 * Moves until `more()` says the race is done; bounded by the race's own count and time bounds.
 */
export async function moveClockWhile(
  call: CallFn,
  voucher: string,
  options: ClockMoveOptions,
  more: () => boolean,
  sleep: (ms: number) => Promise<unknown>,
): Promise<number> {
  let moves = 0;
  for (;;) {
    await sleep(options.everyMs);
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
