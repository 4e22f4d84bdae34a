import { setTimeout as sleep } from 'node:timers/promises';
import type { CallFn } from './recording-client.ts';

/** What the race's sweep client saw: rounds the target ran, holds they expired, rounds that failed. */
export interface SweepCount {
  rounds: number;
  expiredHolds: number;
  failed: number;
}

/**
 * A client that asks the target to run its background expiry of holds now (test control's
 * `runTestSweep`), one request after the other, while the counters race. A sweeper that writes a voucher
 * back from a read taken without its lock undoes a payment that committed in between, and only a sweep
 * running all the time meets such a payment. Each round is recorded in the history (a 5xx is a contract
 * finding like any other); the checkers take it for what it is, expiry of holds already due, which they
 * admit at any moment. After a round that failed it waits `pauseMs`, so that a target down (a server
 * restarting) is not spun on. Stops when `more()` says the race is done; each request is bounded by the
 * driver's timeout.
 */
export async function sweepWhile(
  call: CallFn,
  voucher: string,
  more: () => boolean,
  pauseMs = 50,
): Promise<SweepCount> {
  const count: SweepCount = { rounds: 0, expiredHolds: 0, failed: 0 };
  while (more()) {
    const outcome = await call({ op: 'runTestSweep', voucher, body: {}, role: 'pos' });
    if (outcome.completion === 'ok') {
      count.rounds += 1;
      const expired = outcome.body.expiredHolds;
      if (typeof expired === 'number') count.expiredHolds += expired;
    } else {
      count.failed += 1;
      await sleep(pauseMs);
    }
  }
  return count;
}

/** The counts of several sweep clients, added up. */
export function addSweepCounts(counts: readonly SweepCount[]): SweepCount {
  return counts.reduce(
    (sum, c) => ({
      rounds: sum.rounds + c.rounds,
      expiredHolds: sum.expiredHolds + c.expiredHolds,
      failed: sum.failed + c.failed,
    }),
    { rounds: 0, expiredHolds: 0, failed: 0 },
  );
}
