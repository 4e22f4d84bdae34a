import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { defectiveImplementation } from '../../simulators/defective/index.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { propertyCurl } from '../../src/properties/property-reproducers.ts';
import { renderGherkin } from '../../src/properties/render-gherkin.ts';
import { type PropertyName, runProperties } from '../../src/properties/run-properties.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { type DefectiveTargets, startDefectiveTargets } from './defective-target.ts';
import { startLinesRefusingProxy } from './lines-refusing-proxy.ts';

/**
 * Which property must catch which defective implementation, and the longest shrunk case we accept; `runs`
 * is the size of the run (150 unless given). The defects of rare transitions are found at the default
 * size (100, as `vcert properties`): bench/property-detection.bench.ts measures how often over seeds.
 */
const expectations: Array<{
  defect: string;
  property: PropertyName;
  maxSteps: number;
  runs?: number;
  /** What the counterexample must show: the money path that meets the defect. */
  shows?: RegExp;
}> = [
  { defect: 'expiry-a-day-late', property: 'voucher-life', maxSteps: 4, runs: 100 },
  { defect: 'restore-reactivates', property: 'voucher-life', maxSteps: 4, runs: 100 },
  { defect: 'top-up-ignores-expiry', property: 'voucher-life', maxSteps: 4, runs: 100 },
  { defect: 'refund-ignores-expiry', property: 'voucher-life', maxSteps: 6, runs: 100 },
  { defect: 'partial-capture-keeps-rest', property: 'voucher-life', maxSteps: 5, runs: 100 },
  // A refusal resent under its key after the state changed must be replayed, not run again.
  { defect: 'refusals-not-replayed', property: 'voucher-life', maxSteps: 6, runs: 100 },
  { defect: 'expired-voucher-pays', property: 'voucher-life', maxSteps: 5 },
  { defect: 'retry-not-idempotent', property: 'voucher-life', maxSteps: 4 },
  { defect: 'wrong-balance-body', property: 'voucher-life', maxSteps: 4 },
  // The shortest case is an inquiry, a payment, an inquiry; shrinking may keep a refund in between.
  { defect: 'stale-balance-cache', property: 'voucher-life', maxSteps: 6 },
  { defect: 'exclusive-not-exclusive', property: 'voucher-life', maxSteps: 5 },
  { defect: 'capture-lost-after-ack', property: 'voucher-life', maxSteps: 5 },
  { defect: 'exclusive-not-exclusive', property: 'races', maxSteps: 4 },
  { defect: 'overspend-under-race', property: 'races', maxSteps: 4 },
  { defect: 'capture-lost-after-ack', property: 'races', maxSteps: 4 },
  // The history checker `policy`, as vcert race runs it: a one-time voucher used twice.
  { defect: 'one-time-reused', property: 'races', maxSteps: 4 },
  // Every money path of a race (issue 16): a hold left to expire while the clock moves, two captures of
  // one hold at once, a top-up and a refund racing payments.
  { defect: 'expired-voucher-pays', property: 'races', maxSteps: 4, runs: 100, shows: /"abandons"/ },
  // A capture that decides on the hold it read before the lock: two captures of one hold at once, or a
  // capture racing the sweeper that expires the hold after a clock move (whichever the timing meets first).
  { defect: 'capture-stale-hold', property: 'races', maxSteps: 4, runs: 100, shows: /"splits"|"abandons"/ },
  { defect: 'top-up-lost-update', property: 'races', maxSteps: 4, runs: 100, shows: /"tops-up"/ },
  { defect: 'refund-lost-update', property: 'races', maxSteps: 4, runs: 100, shows: /"refunds"/ },
  { defect: 'roles-not-enforced', property: 'access', maxSteps: 1 },
];

// One PostgreSQL for all: the correct server starts it, every defective one shares it (tenants isolate).
// The defective ones run in one child process whose logs go to a file of a temporary directory.
let reference: RunningServer;
let logs: string;
let targets: DefectiveTargets;
before(async () => {
  // The defects' rows share its database (a capture-stale-hold voucher with -1 open holds fails its hold
  // sweeper every round): its logs say nothing about the reference, and stay out of the test output.
  reference = await startReferenceServer({ logLevel: 'silent' });
  logs = await mkdtemp(join(tmpdir(), 'vcert-defective-properties-'));
  const names = new Set(expectations.map((e) => e.defect).filter((d) => defectiveImplementation(d)));
  targets = await startDefectiveTargets([...names], reference.databaseUrl, logs);
});
after(async () => {
  await targets?.close();
  await reference.close();
  await rm(logs, { recursive: true, force: true });
});

for (const { defect, property, maxSteps, runs = 150, shows } of expectations) {
  const there = defectiveImplementation(defect) ? false : `simulators/defective/${defect} is not there yet`;
  describe(`${property} catches ${defect}`, { skip: there }, () => {
    let target: { url: string };
    before(() => {
      target = { url: targets.urls.get(defect) as string };
    });

    test(`fails within ${runs} runs, with a shrunk counterexample of at most ${maxSteps} steps`, async () => {
      const [outcome] = await runProperties({
        target: target.url,
        budget: { runs, seed: 42 },
        only: [property],
      });
      assert.ok(outcome);
      assert.equal(outcome.passed, false, `${property} did not catch ${defect}`);
      assert.ok(outcome.steps !== undefined && outcome.steps <= maxSteps, failureReport(outcome));
      if (shows) assert.match(outcome.counterexample ?? '', shows, failureReport(outcome));
      assert.equal(typeof outcome.seed, 'number');
      const report = failureReport(outcome);
      assert.match(report, new RegExp(`--seed ${outcome.seed}`));
      if (property !== 'access') {
        assert.match(report, /--path \d/);
        assert.match(renderGherkin(outcome), /^Scenario: /m);
        assert.match(propertyCurl(outcome), /curl -s -X POST "\$TARGET\/test\/tenants"/);
      }
    });
  });
}

describe('positive-data catches a target that refuses valid receipt lines', () => {
  test('with a counterexample shrunk to one request whose receipt has an empty list of lines', async () => {
    const proxy = await startLinesRefusingProxy(reference.url);
    try {
      const [outcome] = await runProperties({
        target: proxy.url,
        budget: { runs: 200, seed: 42 },
        only: ['positive-data'],
      });
      assert.ok(outcome);
      assert.equal(outcome.passed, false, 'the defect was not caught');
      assert.ok(proxy.refused() > 0);
      const report = failureReport(outcome);
      assert.match(outcome.error ?? '', /a valid request was answered refused 400 validation_failed/, report);
      assert.match(outcome.counterexample ?? '', /"receipt":\{[^}]*"lines":\[\]\}/, report);
      assert.equal(outcome.steps, 1);
      assert.ok(outcome.shrinks > 0, report);
      assert.match(report, new RegExp(`--seed ${outcome.seed} --path \\d`));
    } finally {
      await proxy.close();
    }
  });
});
