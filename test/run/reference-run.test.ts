import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startForeignVendor } from '../../simulators/vendors/foreign-vendor.ts';
import { capabilityNames } from '../../spec/capabilities.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import type { RunTarget } from '../../src/run/run-target.ts';
import { startReferenceTarget } from '../../src/run/run-target.ts';
import { certify, failingRequirements, failingScenarios } from './certify-target.ts';
import { startInflatingProxy } from './inflating-proxy.ts';
import { scratchDir } from './scratch-dir.ts';

const reports = () => scratchDir('vcert-e2e');
const databaseUrl = process.env.DATABASE_URL;

/** `vcert run` through its programmatic function, with the real features and steps. */
describe('vcert run against the reference implementation', () => {
  it('starts the reference implementation, passes the two-phase sale scenarios, and stops it', async () => {
    const { summary, exitCode } = await runConformance({
      tags: '@req:LC-06',
      reports: reports(),
      databaseUrl,
    });
    assert.equal(exitCode, 0, summary.verdict.reasons.join('; '));
    assert.equal(summary.target.implementation, 'reference');
    assert.equal(summary.capabilities.source, 'target');
    assert.ok(summary.capabilities.claimed.includes('test-control'));
    assert.ok(summary.totals.scenarios.passed > 0);
    assert.equal(summary.totals.scenarios.passed, summary.scenarios.length);
    for (const s of summary.scenarios) assert.ok(s.requirements.includes('LC-06'), s.key);
    assert.equal(summary.requirements.find((r) => r.id === 'LC-06')?.status, 'passed');
    await assert.rejects(
      request(`${summary.target.url}/capabilities`),
      'the server was stopped after the run',
    );
  });

  describe('on a running target', () => {
    let target: RunTarget;
    before(async () => {
      target = await startReferenceTarget(databaseUrl);
    });
    after(() => target.close());

    it('reports scenarios of a capability the manifest does not claim as not claimed, and fails', async () => {
      const dir = reports();
      const manifest = join(dir, 'manifest.json');
      const claimed = capabilityNames.filter((c) => c !== 'exclusive-hold');
      writeFileSync(manifest, JSON.stringify({ capabilities: claimed }));
      const { summary, exitCode } = await runConformance({
        target: target.url,
        capabilities: manifest,
        tags: '@capability:exclusive-hold',
        reports: dir,
      });
      assert.ok(summary.scenarios.length > 0);
      assert.equal(summary.totals.scenarios['not-claimed'], summary.scenarios.length);
      assert.equal(summary.target.implementation, 'external');
      assert.equal(exitCode, 1);
      assert.ok(summary.verdict.reasons.includes('no scenario was verified'));
    });
  });

  it('certifies an API of another shape through a vendor adapter (--adapter)', async () => {
    const vendor = await startForeignVendor(0);
    try {
      const { summary, exitCode } = await runConformance({
        target: vendor.url,
        adapter: 'simulators/vendors/foreign-adapter.ts',
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        tags: '@capability:amount-holds or @capability:exclusive-hold',
        reports: reports(),
      });
      assert.equal(exitCode, 0, summary.verdict.reasons.join('; '));
      assert.match(summary.target.adapter ?? '', /simulators\/vendors\/foreign-adapter\.ts$/);
      assert.ok(summary.capabilities.claimed.includes('amount-holds'));
      assert.ok(!summary.capabilities.claimed.includes('exclusive-hold'));
      assert.ok(summary.totals.scenarios.passed > 0);
      const exclusive = summary.scenarios.filter((s) => s.capabilities.includes('exclusive-hold'));
      assert.ok(exclusive.length > 0);
      for (const s of exclusive) assert.equal(s.status, 'not-claimed', s.key);
    } finally {
      await vendor.close();
    }
  });

  it('catches a defective implementation through the self-validation hook', async () => {
    const { summary, exitCode } = await certify(startInflatingProxy, { tags: '@req:LC-06' });
    assert.equal(exitCode, 1);
    assert.ok(failingRequirements(summary).includes('LC-06'), JSON.stringify(summary.requirements));
    assert.ok(failingScenarios(summary).length > 0);
    assert.ok(summary.totals.scenarios.passed > 0, 'scenarios that read no balance still pass');
  });
});
