import type { Policy } from '../../spec/capabilities.ts';
import { runRace } from '../../src/race/run-race.ts';
import { startReferenceTarget } from '../../src/run/run-target.ts';
import { scratchDatabase } from './scratch-database.ts';

/**
 * `vcert race` against the bundled reference implementation, in this process (no kill -9, no fault
 * proxy: the mutated code must run where Stryker sees it). Every behaviour of the POS terminals and
 * web shops (pay, release, abandon, double-pay, return, redeem, split-capture, top-up) on a few
 * vouchers whose funds the baskets exceed, the first spends at one instant (barrier). Bounded by a
 * count of operations; the seconds are only a ceiling. With clock moves and sweepers, holds fall due
 * in batches that the service's own sweep, run on demand over and over, races the counters to. Returns what is not a pass: every checker
 * that is not valid, and the race's errors.
 */
export async function raceFindings(options: {
  policy: Policy;
  seed: number;
  clockMoves?: number;
  sweepers?: number;
}): Promise<string[]> {
  const database = await scratchDatabase();
  const target = await startReferenceTarget(database.url);
  try {
    const result = await runRace({
      target: target.url,
      policy: options.policy,
      seed: options.seed,
      terminals: 4,
      webshops: 2,
      vouchers: 2,
      funds: 3000,
      minAmount: 100,
      maxAmount: 1200,
      barrier: true,
      ops: 300,
      seconds: 120,
      timeoutMs: 10_000,
      ...(options.clockMoves ? { clockMoves: options.clockMoves } : {}),
      ...(options.sweepers ? { sweepers: options.sweepers } : {}),
    });
    return [
      ...result.report.verdicts
        .filter((v) => v.valid !== true)
        .map(
          (v) =>
            `${v.checker}: ${v.valid}${v.first ? ` (${JSON.stringify(v.first).slice(0, 300)})` : v.reason ? ` (${v.reason})` : ''}`,
        ),
      ...result.errors,
    ];
  } finally {
    await target.close();
    await database.drop();
  }
}
