import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { capabilityGaps } from '../../src/run/capability-coverage.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { type RunTarget, startReferenceTarget } from '../../src/run/run-target.ts';
import { scratchDir } from './scratch-dir.ts';

const untagged = fileURLToPath(new URL('./fixtures/untagged/missing-tags.feature', import.meta.url));

/**
 * The suite's self-test: every step of every scenario, run against the reference implementation (which
 * claims everything), says which operations it performed and what they and its provider states need;
 * a scenario whose tags do not cover that would fail, instead of being "not claimed", on a target
 * without the capability.
 */
describe('every scenario tags the capabilities its steps need', () => {
  let target: RunTarget;
  before(async () => {
    target = await startReferenceTarget(process.env.DATABASE_URL);
  });
  after(() => target.close());

  it('the whole suite passes on the reference implementation and no step needs an untagged capability', async () => {
    const { summary, files } = await runConformance({
      target: target.url,
      reports: scratchDir('vcert-tags'),
      trace: true,
    });
    assert.equal(summary.verdict.passed, true, summary.verdict.reasons.join('; '));
    assert.equal(summary.totals.scenarios.passed, summary.scenarios.length, 'the reference passes 100 %');
    const gaps = await capabilityGaps(files.messages);
    assert.deepEqual(
      gaps.map((g) => `${g.scenario} "${g.name}": "${g.step}" needs ${g.missing.join(', ')}`),
      [],
    );
  });

  it('sees a scenario that reads a ledger and uses one-time vouchers without tagging them', async () => {
    const { files } = await runConformance({
      target: target.url,
      paths: [untagged],
      import: ['steps/**/*.ts'],
      reports: scratchDir('vcert-tags'),
      trace: true,
    });
    const gaps = await capabilityGaps(files.messages);
    assert.deepEqual(
      gaps.map((g) => [g.step, g.missing]),
      [
        ['a one-time voucher type "ONCE"', ['one-time-vouchers']],
        ['the ledger of voucher "V1" adds up to its balance', ['ledger']],
      ],
    );
  });
});
