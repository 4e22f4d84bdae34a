import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defectiveImplementation } from '../../simulators/defective/index.ts';
import { type SharedPostgres, startSharedPostgres } from '../../simulators/faults/shared-postgres.ts';
import type { RaceOptions } from '../../src/race/race-options.ts';
import { runRace } from '../../src/race/run-race.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { countBound, longHolds, verdictLine, verdictOf } from './race-support.ts';

/** Each defect, raced: the checker that should catch it reports invalid, with a window of operations. */
let postgres: SharedPostgres | null = null;
const databaseUrl = () => process.env.DATABASE_URL ?? (postgres as SharedPostgres).url;
before(async () => {
  if (!process.env.DATABASE_URL) postgres = await startSharedPostgres();
});
after(() => postgres?.stop());

const cases: Array<{ name: string; checker: string; race: Partial<RaceOptions> }> = [
  {
    name: 'overspend-under-race',
    checker: 'money-bounds',
    race: {
      policy: 'balance-guard',
      terminals: 30,
      webshops: 0,
      vouchers: 1,
      funds: 3000,
      barrier: true,
      mix: { redeem: 1 },
    },
  },
  {
    name: 'retry-not-idempotent',
    checker: 'idempotency',
    race: {
      policy: 'balance-guard',
      faults: 'lost-answers',
      terminals: 4,
      funds: 50_000,
      // One-step redemptions only: a retried capture is refused by the hold's own state (hold_not_open)
      // even on this server, so only a retried redemption shows money moved twice.
      mix: { redeem: 1 },
    },
  },
  {
    name: 'exclusive-not-exclusive',
    checker: 'policy',
    race: { policy: 'exclusive-hold', terminals: 4, webshops: 2, vouchers: 1 },
  },
  {
    name: 'stale-balance-cache',
    checker: 'linearizability',
    race: { policy: 'balance-guard', terminals: 3, vouchers: 1 },
  },
  {
    name: 'capture-lost-after-ack',
    checker: 'ledger-conservation',
    race: { policy: 'balance-guard', terminals: 3, mix: { pay: 1 } },
  },
];

/** Each defective server runs in a child process whose log (its expected internal errors) goes here. */
const logs = scratchDir('vcert-defective-race');

describe('races against the defective implementations', () => {
  for (const { name, checker, race } of cases) {
    test(`${name}: ${checker} reports invalid with the window that shows it`, async () => {
      const defective = defectiveImplementation(name);
      assert.ok(defective, name);
      const target = await defective.start({
        databaseUrl: databaseUrl(),
        logFile: join(logs, `${name}.log`),
      });
      try {
        // Bounded by the operation count, with holds that outlive any pause of a busy machine.
        const result = await runRace({
          target: target.url,
          ...countBound,
          ops: 200,
          ...longHolds,
          seed: 7,
          ...race,
        });
        const verdict = verdictOf(result, checker);
        assert.equal(verdict.valid, false, verdictLine(result));
        assert.equal(result.report.valid, false);
        assert.ok(
          verdict.window && verdict.window.ops.length > 0,
          `a window: ${JSON.stringify(verdict.window)}`,
        );
        for (const index of verdict.window.ops)
          assert.equal(
            result.history.ops[index]?.voucher,
            verdict.window.voucher,
            'the window is one voucher’s',
          );
      } finally {
        await target.close();
      }
    });
  }
});
