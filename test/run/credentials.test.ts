import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { runRace } from '../../src/race/run-race.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { scratchDir } from './scratch-dir.ts';

/** A target without test control needs the vendor's keys: without them, nothing runs, in one clear line. */
describe('a target without test control and without --api-key', () => {
  let server: RunningServer;
  before(async () => {
    server = await startReferenceServer({ testControl: false });
  });
  after(() => server.close());

  it('vcert run could not run (exit 2) and says to give --api-key', async () => {
    const { summary, exitCode } = await runConformance({
      target: server.url,
      reports: scratchDir('vcert-keys'),
    });
    assert.equal(exitCode, 2);
    assert.match(summary.verdict.reasons.join('; '), /give --api-key role=KEY/);
    assert.equal(summary.scenarios.length, 0, 'no scenario ran');
  });

  it('vcert race could not run, with the same line, and raced nothing', async () => {
    await assert.rejects(
      runRace({ target: server.url, ops: 10, seconds: 1 }),
      (error: Error) => error.name === 'RaceNotRun' && /give --api-key role=KEY/.test(error.message),
    );
  });
});
