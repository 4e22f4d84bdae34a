import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSummary } from '../../src/report/certification-summary.ts';
import { formatHumanSummary } from '../../src/report/human-summary.ts';
import { reportFiles } from '../../src/report/report-files.ts';
import { collect, fixtureContext, recordedEnvelopes } from './support.ts';

describe('console summary', () => {
  const collector = collect(recordedEnvelopes());
  const files = reportFiles('/work/out/reports');

  it('ends with counts per status and requirement, what failed, the report paths and the verdict', () => {
    const summary = buildSummary(collector.scenarios(), collector.run(), fixtureContext());
    const text = formatHumanSummary(summary, files, '/work/out');
    assert.match(
      text,
      /scenarios: {4}8 \(3 passed, 0 emulated, 2 failed, 0 waived, 1 not claimed, 2 undecided, 0 not run\)/,
    );
    assert.match(text, /LC-01 +failed +1 +0 +1 +0 +0 +0/);
    assert.match(
      text,
      /failed:\n {2}features\/outcomes\.feature:11 {2}A check that does not hold\n.*2 !== 3/,
    );
    assert.match(text, /undecided:[\s\S]*undefined: the value is somehow right/);
    assert.match(text, /certification summary {2}reports\/certification\.json/);
    assert.match(text, /verdict: FAIL \(exit 1\): 2 scenario\(s\) failed/);
  });

  it('names rotted waivers and says PASS only for a passing verdict', () => {
    const summary = buildSummary(
      collector.scenarios(),
      collector.run(),
      fixtureContext({
        waivers: {
          file: 'w.json',
          content: { vendor: 'Acme', waivers: [{ requirement: 'LC-03', reason: 'fixed in 7.2' }] },
        },
      }),
    );
    const text = formatHumanSummary(summary, files);
    assert.match(text, /rotted waivers[^\n]*\n {2}LC-03: fixed in 7\.2/);
    assert.doesNotMatch(text, /verdict: PASS/);
  });
});
