import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSummary } from '../../src/report/certification-summary.ts';
import { formatHumanSummary } from '../../src/report/human-summary.ts';
import type { RunRecord, ScenarioRecord } from '../../src/report/message-collector.ts';
import { reportFiles } from '../../src/report/report-files.ts';
import { countStatuses, requirementStatus } from '../../src/report/requirement-status.ts';
import { baseStatus } from '../../src/report/scenario-status.ts';
import { notRunMediaType } from '../../src/run/stopped.ts';
import { fixtureContext } from './support.ts';

const stoppedAt = 10_000;
const claimed = new Set(['holds']);

function record(extra: Partial<ScenarioRecord>): ScenarioRecord {
  return {
    pickleId: 'p',
    name: 'a scenario',
    uri: 'features/x.feature',
    line: 3,
    tags: ['@req:RD-01'],
    cucumberStatus: 'PASSED',
    attachments: [],
    attempts: 1,
    startedAt: 1000,
    finishedAt: 2000,
    ...extra,
  };
}

describe('scenarios a stopped run did not take to a verdict are "not run"', () => {
  const cases: Array<[string, Partial<ScenarioRecord>, ReturnType<typeof baseStatus>]> = [
    ['never started', { cucumberStatus: 'NOT_RUN', startedAt: undefined, attempts: 0 }, 'not-run'],
    [
      'skipped by the stop',
      { cucumberStatus: 'SKIPPED', attachments: [notRunMediaType], startedAt: 12_000, statusAt: 12_001 },
      'not-run',
    ],
    [
      'cut off: its first failure came after the stop',
      { cucumberStatus: 'FAILED', startedAt: 9000, statusAt: 10_500, message: 'Stopped: interrupted' },
      'not-run',
    ],
    ['begun and never finished', { cucumberStatus: 'UNKNOWN', startedAt: 9000 }, 'not-run'],
    [
      'failed before the stop: a finding, kept',
      { cucumberStatus: 'FAILED', startedAt: 8000, statusAt: 9000, message: 'expected 201' },
      'failed',
    ],
    ['passed, even if it ended after the stop', { startedAt: 9000, finishedAt: 11_000 }, 'passed'],
    [
      'needs a capability not claimed: not claimed, run or not',
      { tags: ['@capability:top-up'], cucumberStatus: 'NOT_RUN', startedAt: undefined },
      'not-claimed',
    ],
  ];
  for (const [what, extra, expected] of cases)
    it(`${what} → ${expected}`, () => {
      assert.equal(baseStatus(record(extra), claimed, new Set(), stoppedAt), expected);
    });

  it('a scenario cucumber never started is "not run" in a run that was not stopped too', () => {
    assert.equal(baseStatus(record({ cucumberStatus: 'NOT_RUN', startedAt: undefined }), claimed), 'not-run');
  });

  it('a requirement with a scenario not run is not run (never passed), unless one failed', () => {
    assert.equal(requirementStatus(countStatuses(['passed', 'not-run', 'passed'])), 'not-run');
    assert.equal(requirementStatus(countStatuses(['not-run', 'failed'])), 'failed');
    assert.equal(requirementStatus(countStatuses(['not-run', 'not-claimed'])), 'not-run');
  });

  it('the summary says why, counts them, fails the verdict (exit 1) and the console labels them', () => {
    const run: RunRecord = { finished: true, errors: [], startedAt: 0, finishedAt: 20_000 };
    const records = [
      record({ pickleId: 'a', line: 3 }),
      record({ pickleId: 'b', line: 9, cucumberStatus: 'FAILED', statusAt: 10_500, message: 'Stopped' }),
      record({ pickleId: 'c', line: 15, cucumberStatus: 'SKIPPED', attachments: [notRunMediaType] }),
    ];
    const summary = buildSummary(
      records,
      run,
      fixtureContext({
        stop: { at: stoppedAt, reason: 'the time limit of 5s was reached' },
        timeLimitReached: '5s',
      }),
    );
    assert.equal(summary.totals.scenarios['not-run'], 2);
    assert.equal(summary.totals.scenarios.passed, 1);
    assert.equal(summary.verdict.exitCode, 1);
    assert.ok(summary.verdict.reasons.includes('the time limit of 5s was reached'));
    assert.ok(summary.verdict.reasons.includes('2 scenario(s) not run'));
    assert.equal(summary.run.stopped?.reason, 'the time limit of 5s was reached');
    assert.match(
      summary.scenarios[1]?.message ?? '',
      /^not run: the time limit of 5s was reached; it was cut off/,
    );
    const text = formatHumanSummary(summary, reportFiles('/tmp/reports'));
    assert.match(text, /1 passed, .*2 not run\)/);
    assert.match(text, /not run \(cut off when the run stopped\):/);
    assert.match(text, /1 scenario\(s\) not run: the time limit of 5s was reached/);
  });
});
