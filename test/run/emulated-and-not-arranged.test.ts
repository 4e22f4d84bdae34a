import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSummary } from '../../src/report/certification-summary.ts';
import type { ScenarioRecord } from '../../src/report/message-collector.ts';
import { baseStatus } from '../../src/report/scenario-status.ts';
import { notClaimedMediaType } from '../../steps/support/not-claimed.ts';
import { collect, fixtureContext, recordedEnvelopes } from './support.ts';

const record = (
  tags: string[],
  cucumberStatus: ScenarioRecord['cucumberStatus'],
  attachments: string[] = [],
) =>
  ({
    pickleId: 'p',
    name: 'n',
    uri: 'u',
    line: 1,
    tags,
    cucumberStatus,
    attachments,
    attempts: 1,
  }) as ScenarioRecord;

describe('passes that rest on emulation, and states that cannot be arranged', () => {
  it('a pass whose capability the adapter emulates is "emulated", apart from passed, and so is its requirement', () => {
    const collector = collect(recordedEnvelopes());
    const context = fixtureContext({
      capabilities: { claimed: ['balance-guard', 'holds'], source: 'target', emulated: ['holds'] },
    });
    const summary = buildSummary(collector.scenarios(), collector.run(), context);
    const holds = summary.scenarios.find((s) => s.key === 'features/outcomes.feature:21');
    assert.equal(holds?.status, 'emulated');
    assert.equal(summary.requirements.find((r) => r.id === 'LC-03')?.status, 'emulated');
    assert.equal(summary.totals.scenarios.emulated, 1);
    assert.equal(summary.totals.scenarios.passed, 2, 'the vendor-verified passes are counted apart');
  });

  it('a scenario whose provider state could not be arranged is "not claimed", never passed or failed', () => {
    assert.equal(
      baseStatus(record(['@req:LC-13'], 'SKIPPED', [notClaimedMediaType]), new Set()),
      'not-claimed',
    );
    assert.equal(
      baseStatus(record(['@req:LC-13'], 'SKIPPED'), new Set()),
      'undecided',
      'a skip without a reason',
    );
    assert.equal(
      baseStatus(record(['@capability:holds'], 'PASSED'), new Set(['holds']), new Set(['holds'])),
      'emulated',
    );
    assert.equal(
      baseStatus(record(['@capability:holds'], 'FAILED'), new Set(['holds']), new Set(['holds'])),
      'failed',
    );
  });
});
