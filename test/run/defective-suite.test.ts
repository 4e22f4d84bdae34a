import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../reference-impl/storage/database.ts';
import { defectiveImplementations } from '../../simulators/defective/index.ts';
import { startWithFaults } from '../../simulators/defective/start-with-faults.ts';
import type { CertificationSummary } from '../../src/report/certification-summary.ts';
import { certify, failingRequirements, failingScenarios } from './certify-target.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * Self-validation: the whole conformance suite, through `vcert run`'s own function, against every
 * deliberately defective implementation (simulators/defective, one defect each). Each must fail the
 * run on at least one requirement it names in `catches`, with every other scenario decided (passed),
 * and together they must make every scenario family fail at least once, except those named below.
 * About 15 s per defect; VCERT_DEFECTS=name,name runs only those.
 */
const families = (summary: CertificationSummary) =>
  new Set(summary.scenarios.map((s) => s.uri.split('/').slice(0, 2).join('/')));

/** Scenario families no defective implementation breaks yet: adding such a defect must remove it here. */
const familiesNoDefectReaches: string[] = [];

/**
 * The report scenarios (features/reports) each report defect must fail, by name: every other report
 * scenario passes on it, and all of them pass on the reference implementation.
 */
const reportScenariosFailing: Record<string, string[]> = {
  'reports-ignore-partial-uses': [
    'Each voucher shows its denomination and what is left of it',
    ...['day', 'month', 'quarter', 'year'].map(
      (p) => `Issues, sales and uses are counted per ${p} where they happened`,
    ),
    'Payments lower the liability by what they took',
    'What a refund gives back is owed again',
    'Each use shows its receipt, products, amounts and place',
    "The uses of one voucher are that voucher's only",
    'A use shows what was refunded of it',
    'The uses of a period are those made in it',
    'The activity of a period counts what was done in it, and nothing outside it',
  ],
  'refunds-counted-as-returns': [
    'A returned voucher is counted where it was returned',
    'A refund of a payment is not a returned voucher',
  ],
};
const reportScenarios = (summary: CertificationSummary, status: string) =>
  summary.scenarios
    .filter((s) => s.uri.startsWith('features/reports/') && s.status === status)
    .map((s) => s.name)
    .sort();

const only = process.env.VCERT_DEFECTS?.split(',').map((n) => n.trim());
const selected = defectiveImplementations.filter((d) => !only || only.includes(d.name));

describe('the suite against defective implementations', () => {
  let db: Database;
  let dataDir: string | undefined;
  const failedFamilies = new Set<string>();
  const allFamilies = new Set<string>();
  // Each defective server runs in a child process whose log (its internal errors) goes to a file here.
  const logs = scratchDir('vcert-defect-logs');
  before(async () => {
    dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vcert-defects-'));
    db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, poolSize: 1 });
  });
  after(async () => {
    await db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  for (const defective of selected) {
    it(`${defective.name}: ${defective.defect.split(':')[0]}`, async () => {
      const logFile = join(logs, `${defective.name}.log`);
      const { summary, exitCode } = await certify(() => defective.start({ databaseUrl: db.url, logFile }), {
        parallel: 2,
      });
      const failing = failingRequirements(summary);
      const named = defective.catches.filter((c) => /^[A-Z]{2}-\d{2}$/.test(c));
      assert.equal(exitCode, 1, summary.verdict.reasons.join('; '));
      assert.deepEqual(summary.run.errors, []);
      assert.equal(summary.totals.scenarios.undecided, 0, 'every scenario is decided');
      assert.ok(failingScenarios(summary).length > 0);
      assert.equal(
        summary.totals.scenarios.passed + summary.totals.scenarios.failed,
        summary.scenarios.length,
      );
      assert.ok(
        named.some((id) => failing.includes(id)),
        `fails none of ${named.join(', ')}; fails ${failing.join(', ') || 'nothing'}`,
      );
      const reports = reportScenariosFailing[defective.name];
      if (reports) assert.deepEqual(reportScenarios(summary, 'failed'), [...reports].sort());
      for (const f of families(summary)) allFamilies.add(f);
      for (const s of summary.scenarios.filter((x) => x.status === 'failed')) {
        failedFamilies.add(s.uri.split('/').slice(0, 2).join('/'));
      }
    });
  }

  it('the report scenarios pass on the reference implementation, the same server without a fault', async () => {
    const logFile = join(logs, 'reference.log');
    const { summary, exitCode } = await certify(() => startWithFaults({}, { databaseUrl: db.url, logFile }), {
      tags: '@capability:reports',
      parallel: 2,
    });
    assert.equal(exitCode, 0, summary.verdict.reasons.join('; '));
    const all = new Set(Object.values(reportScenariosFailing).flat());
    assert.deepEqual(
      [...all].filter((name) => !reportScenarios(summary, 'passed').includes(name)),
      [],
      'every report scenario a defect fails passes here',
    );
  });

  it('makes every scenario family fail on at least one defect', { skip: only !== undefined }, () => {
    const never = [...allFamilies].filter((f) => !failedFamilies.has(f)).sort();
    assert.deepEqual(never, familiesNoDefectReaches);
  });
});
