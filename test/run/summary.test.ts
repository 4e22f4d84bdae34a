import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requirements as standard } from '../../spec/requirements.ts';
import { buildSummary } from '../../src/report/certification-summary.ts';
import { verifySeal } from '../../src/report/seal-summary.ts';
import { collect, fixtureContext, recordedEnvelopes } from './support.ts';

/** The summary builder over a recorded message stream of the fixture suite (every outcome once). */
describe('certification summary from a recorded message stream', () => {
  const envelopes = recordedEnvelopes();
  const summarize = (context = fixtureContext(), stream = envelopes) => {
    const collector = collect(stream);
    return buildSummary(collector.scenarios(), collector.run(), context);
  };

  it('gives each scenario its status, keyed by feature path and line', () => {
    const summary = summarize();
    const statuses = Object.fromEntries(summary.scenarios.map((s) => [s.key, s.status]));
    assert.deepEqual(statuses, {
      'features/outcomes.feature:6': 'passed',
      'features/outcomes.feature:11': 'failed',
      'features/outcomes.feature:16': 'not-claimed',
      'features/outcomes.feature:21': 'passed',
      'features/outcomes.feature:26': 'undecided',
      'features/outcomes.feature:31': 'undecided',
      'features/outcomes.feature:42': 'passed',
      'features/outcomes.feature:43': 'failed',
    });
    const outline = summary.scenarios.find((s) => s.key === 'features/outcomes.feature:43');
    assert.deepEqual(outline?.requirements, ['LC-06', 'LC-13']);
    assert.match(outline?.message ?? '', /6 !== 7/);
    const undefinedStep = summary.scenarios.find((s) => s.key === 'features/outcomes.feature:26');
    assert.equal(undefinedStep?.message, 'undefined: the value is somehow right');
  });

  it('fails a requirement with any failing scenario; not claimed only when all are', () => {
    const summary = summarize();
    const byId = Object.fromEntries(
      summary.requirements.filter((r) => r.status !== 'no-scenario').map((r) => [r.id, r.status]),
    );
    assert.deepEqual(byId, {
      'LC-01': 'failed',
      'LC-02': 'not-claimed',
      'LC-03': 'passed',
      'LC-04': 'undecided',
      'LC-05': 'undecided',
      'LC-06': 'failed',
      'LC-13': 'failed',
    });
    assert.deepEqual(summary.totals.scenarios, {
      passed: 3,
      emulated: 0,
      failed: 2,
      waived: 0,
      'not-claimed': 1,
      undecided: 2,
      'not-run': 0,
    });
    assert.equal(summary.verdict.passed, false);
    assert.equal(summary.verdict.exitCode, 1);
  });

  it('lists every requirement of the standard: no scenario in the suite, or none selected by the run', () => {
    const collector = collect(envelopes);
    const summary = buildSummary(
      collector.scenarios(),
      collector.run(),
      fixtureContext({ suiteRequirements: [...collector.suiteRequirements(), 'RP-01'] }),
    );
    const ids = summary.requirements.map((r) => r.id);
    for (const { id } of standard) assert.ok(ids.includes(id), id);
    const statusOf = (id: string) => summary.requirements.find((r) => r.id === id)?.status;
    assert.equal(statusOf('RP-01'), 'not-selected');
    assert.equal(statusOf('RP-02'), 'no-scenario');
    assert.equal(statusOf('LC-06'), 'failed');
    assert.equal(summary.totals.requirements['not-selected'], 1);
    assert.equal(summary.totals.requirements['no-scenario'], ids.length - 8);
    // Neither is a finding about the target: the verdict comes from the scenarios alone.
    assert.deepEqual(summary.verdict, summarize().verdict);
  });

  it('never counts an unclaimed capability as passed, even when its scenario ran green', () => {
    const summary = summarize(
      fixtureContext({ capabilities: { claimed: ['balance-guard'], source: 'manifest' } }),
    );
    const holds = summary.scenarios.find((s) => s.key === 'features/outcomes.feature:21');
    assert.equal(holds?.cucumberStatus, 'PASSED');
    assert.equal(holds?.status, 'not-claimed');
  });

  it('reports a skip that no unclaimed capability explains as undecided, not as not claimed', () => {
    const summary = summarize(
      fixtureContext({ capabilities: { claimed: ['holds', 'tenders'], source: 'manifest' } }),
    );
    assert.equal(
      summary.scenarios.find((s) => s.key === 'features/outcomes.feature:16')?.status,
      'undecided',
    );
  });

  it('seals the summary: the hash verifies, and any change to any member breaks it', () => {
    const summary = summarize();
    assert.match(summary.integrity.value, /^[0-9a-f]{64}$/);
    assert.equal(verifySeal(summary), true);
    assert.equal(verifySeal(JSON.parse(JSON.stringify(summary))), true, 'survives a JSON round trip');
    const tampered = structuredClone(summary);
    tampered.scenarios[1]!.status = 'passed';
    assert.equal(verifySeal(tampered), false);
    const { passed, ...rest } = summary.verdict;
    const reordered = { ...summary, verdict: { ...rest, passed } };
    assert.equal(verifySeal(reordered), true, 'key order does not matter');
  });

  it('treats a stream cut short as an error, with the unfinished scenario undecided', () => {
    const cut = envelopes.slice(
      0,
      envelopes.findLastIndex((e) => e.testCaseFinished !== undefined),
    );
    const summary = summarize(fixtureContext(), cut);
    assert.equal(summary.scenarios.at(-1)?.status, 'undecided');
    assert.equal(summary.scenarios.at(-1)?.cucumberStatus, 'UNKNOWN');
    assert.equal(summary.verdict.exitCode, 2);
    assert.ok(summary.verdict.reasons.some((r) => /never reported the end/.test(r)));
  });

  it('gives the same summary for the same stream (timings come from the messages)', () => {
    assert.equal(summarize().integrity.value, summarize().integrity.value);
  });
});
