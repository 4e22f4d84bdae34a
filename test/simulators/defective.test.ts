import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { defectiveImplementations, type StartedTarget } from '../../simulators/defective/index.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { newTenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { probes } from './defect-probes.ts';

// One PostgreSQL for all: the correct server starts it, every defective one shares it (tenants isolate).
let reference: RunningServer;
before(async () => {
  // Quiet: a defective server's sweep (sweeper-lost-update) deadlocks on the shared database with this
  // server's background round, which logs it. This server's own failures show in its probes' answers.
  reference = await startReferenceServer({ logLevel: 'fatal' });
});
after(() => reference.close());

test('every defective implementation has a probe, exactly one fault and says what catches it', () => {
  assert.deepEqual(Object.keys(probes).sort(), defectiveImplementations.map((d) => d.name).sort());
  for (const d of defectiveImplementations) {
    assert.deepEqual(Object.values(d.faults), [true], `${d.name} sets one fault`);
    assert.match(d.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(d.defect.length > 0 && !d.defect.includes('\n'), `${d.name} says in one line what is wrong`);
    assert.ok(d.catches.length > 0, `${d.name} names what should catch it`);
  }
  const faults = defectiveImplementations.map((d) => Object.keys(d.faults)[0]);
  assert.equal(new Set(faults).size, faults.length, 'no two share a fault');
});

// Each defective server runs in a child process whose log (its internal errors) goes to a file here.
const logs = scratchDir('vcert-defect-probe-logs');

for (const d of defectiveImplementations) {
  const probe = probes[d.name]!;
  describe(d.name, () => {
    let target: StartedTarget;
    before(async () => {
      target = await d.start({ databaseUrl: reference.databaseUrl, logFile: join(logs, `${d.name}.log`) });
    });
    after(() => target.close());

    test(`the defect is there: ${d.defect}`, async () => {
      const seen = await probe(await newTenant(target.url));
      assert.equal(seen.shown, true, `expected the defect, saw: ${seen.detail}`);
    });

    test('the reference implementation does not show it', async () => {
      const seen = await probe(await newTenant(reference.url));
      assert.equal(seen.shown, false, `the correct server showed it: ${seen.detail}`);
    });
  });
}
