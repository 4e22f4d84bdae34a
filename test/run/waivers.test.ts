import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyWaivers, type WaivableScenario } from '../../src/report/apply-waivers.ts';
import { buildSummary } from '../../src/report/certification-summary.ts';
import { parseWaivers, type Waiver } from '../../src/report/waiver-file.ts';
import { collect, fixtureContext, recordedEnvelopes } from './support.ts';

const scenario = (
  key: string,
  status: WaivableScenario['status'],
  requirements = ['RD-03'],
): WaivableScenario => ({
  key,
  name: `scenario ${key}`,
  requirements,
  status,
});

describe('waiver logic', () => {
  it('waives a failing scenario named by the waiver, and the waiver is applied', () => {
    const waivers: Waiver[] = [{ scenario: 'scenario a', reason: 'known bug ACME-12' }];
    const decision = applyWaivers(waivers, [scenario('a', 'failed'), scenario('b', 'failed')]);
    assert.deepEqual([...decision.waived], [['a', 0]]);
    assert.equal(decision.results[0]?.outcome, 'applied');
  });

  it('rots when every scenario it matches passes: the failure it excuses no longer happens', () => {
    const waivers: Waiver[] = [{ requirement: 'RD-03', reason: 'overspends under a race (ACME-7)' }];
    const decision = applyWaivers(waivers, [scenario('a', 'passed'), scenario('b', 'passed')]);
    assert.equal(decision.results[0]?.outcome, 'rotted');
    assert.deepEqual(decision.results[0]?.scenarios, ['a', 'b']);
    assert.equal(decision.waived.size, 0);
  });

  it('stays applied while at least one matched scenario still fails; only failures are waived', () => {
    const waivers: Waiver[] = [{ requirement: 'RD-03', reason: 'race' }];
    const decision = applyWaivers(waivers, [scenario('a', 'passed'), scenario('b', 'failed')]);
    assert.equal(decision.results[0]?.outcome, 'applied');
    assert.deepEqual([...decision.waived.keys()], ['b']);
  });

  it('is unused when it matches only scenarios not run, not claimed or undecided', () => {
    const waivers: Waiver[] = [
      { requirement: 'RD-03', reason: 'race' },
      { scenario: 'nowhere', reason: 'renamed long ago' },
    ];
    const decision = applyWaivers(waivers, [scenario('a', 'not-claimed'), scenario('b', 'undecided')]);
    assert.deepEqual(
      decision.results.map((r) => r.outcome),
      ['unused', 'unused'],
    );
    assert.equal(decision.waived.size, 0, 'an undecided scenario is never waived');
  });

  it('credits a failure to the first waiver that matches it', () => {
    const waivers: Waiver[] = [
      { requirement: 'LC-01', reason: 'first' },
      { scenario: 'scenario a', reason: 'second' },
    ];
    const decision = applyWaivers(waivers, [scenario('a', 'failed', ['LC-01'])]);
    assert.equal(decision.waived.get('a'), 0);
    assert.deepEqual(
      decision.results.map((r) => r.outcome),
      ['applied', 'applied'],
    );
  });
});

describe('waiver file', () => {
  it('accepts waivers by requirement or scenario, each with a reason', () => {
    const file = parseWaivers({
      vendor: 'Acme Gift',
      waivers: [
        { requirement: 'CC-02', reason: 'no exclusive hold yet', reference: 'ACME-1' },
        { scenario: 'A hold is captured once', reason: 'double capture bug' },
      ],
    });
    assert.equal(file.waivers.length, 2);
  });

  for (const [what, document] of [
    ['a waiver without a reason', { vendor: 'x', waivers: [{ requirement: 'CC-02' }] }],
    ['a malformed requirement id', { vendor: 'x', waivers: [{ requirement: 'cc2', reason: 'why not' }] }],
    ['an unknown member', { vendor: 'x', waivers: [{ scenario: 'a', reason: 'why not', until: '2027' }] }],
    ['a missing vendor', { waivers: [] }],
  ] as const) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseWaivers(document, 'acme.json'), /acme\.json is not a valid waiver file/);
    });
  }
});

describe('waivers in the certification summary', () => {
  const collector = collect(recordedEnvelopes());
  const summarize = (waivers: Waiver[]) =>
    buildSummary(
      collector.scenarios(),
      collector.run(),
      fixtureContext({ waivers: { file: 'acme.json', content: { vendor: 'Acme', waivers } } }),
    );

  it('reports waived failures as waived, with the reason, and the requirement as waived', () => {
    const summary = summarize([{ scenario: 'A check that does not hold', reason: 'rounding bug ACME-3' }]);
    const waived = summary.scenarios.find((s) => s.key === 'features/outcomes.feature:11');
    assert.equal(waived?.status, 'waived');
    assert.deepEqual(waived?.waiver, { index: 0, reason: 'rounding bug ACME-3', outcome: 'applied' });
    assert.equal(summary.requirements.find((r) => r.id === 'LC-01')?.status, 'waived');
    assert.equal(summary.totals.scenarios.waived, 1);
    assert.equal(summary.waivers.vendor, 'Acme');
  });

  it('fails the run on a rotted waiver, naming it', () => {
    const summary = summarize([{ scenario: 'A check that holds', reason: 'was broken once' }]);
    assert.equal(summary.scenarios.find((s) => s.key === 'features/outcomes.feature:6')?.status, 'passed');
    assert.equal(summary.waivers.results[0]?.outcome, 'rotted');
    assert.ok(summary.verdict.reasons.some((r) => /1 waiver\(s\) rotted/.test(r)));
    assert.equal(summary.verdict.passed, false);
  });
});
