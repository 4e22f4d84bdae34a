import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '../../reference-impl/server.ts';
import { startForeignVendor } from '../../simulators/vendors/foreign-vendor.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { newTenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { scratchDir } from './scratch-dir.ts';

const reportScenarios = '@capability:reports';
const isReport = (s: { uri: string }) => s.uri.startsWith('features/reports/');

/**
 * The report scenarios (RP-01..RP-04) read only what they caused: the rows of their own vouchers, the
 * liability of their own voucher type, the activity of their own stores. So they hold on a vendor's one
 * tenant shared with the scenarios running beside them, and a target that does not claim reports gets
 * them as not claimed.
 */
describe('the report scenarios', () => {
  describe('on a shared tenant (no test control), two at a time beside other scenarios', () => {
    let owner: RunningServer;
    let shared: RunningServer;
    let keys: Record<'pos' | 'webshop' | 'backoffice', string>;
    before(async () => {
      owner = await startReferenceServer();
      const tenant = await newTenant(owner.url);
      const keyOf = (client: { key?: string | null }) => client.key as string;
      keys = { pos: keyOf(tenant.pos), webshop: keyOf(tenant.webshop), backoffice: keyOf(tenant.office) };
      shared = await startServer({ databaseUrl: owner.databaseUrl, testControl: false, logLevel: 'error' });
    });
    after(async () => {
      await shared?.close();
      await owner?.close();
    });

    it('pass, run after run on the same tenant', async () => {
      for (let run = 1; run <= 2; run++) {
        const { summary, exitCode } = await runConformance({
          target: shared.url,
          apiKeys: keys,
          tags: `${reportScenarios} or @req:RD-01 or @req:LC-06 or @req:RD-05`,
          parallel: 2,
          reports: scratchDir('vcert-shared-reports'),
        });
        assert.ok(!summary.capabilities.claimed.includes('test-control'));
        assert.equal(exitCode, 0, `run ${run}: ${summary.verdict.reasons.join('; ')}`);
        const reports = summary.scenarios.filter(isReport);
        assert.ok(reports.length >= 10, `run ${run}: ${reports.length} report scenarios`);
        assert.ok(summary.scenarios.length > reports.length, 'other scenarios ran beside them');
        // A report over a period moves the test clock: not claimed without test control, the rest pass.
        for (const s of reports)
          assert.equal(
            s.status,
            s.capabilities.includes('test-control') ? 'not-claimed' : 'passed',
            `run ${run}: ${s.key} ${s.name}`,
          );
      }
    });
  });

  it('are not claimed through an adapter whose system has no reports', async () => {
    const vendor = await startForeignVendor(0);
    try {
      const { summary } = await runConformance({
        target: vendor.url,
        adapter: 'simulators/vendors/foreign-adapter.ts',
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        tags: reportScenarios,
        reports: scratchDir('vcert-adapter-reports'),
      });
      assert.ok(!summary.capabilities.claimed.includes('reports'));
      const reports = summary.scenarios.filter(isReport);
      assert.ok(reports.length >= 10);
      for (const s of reports) assert.equal(s.status, 'not-claimed', `${s.key} ${s.name}`);
      for (const id of ['RP-01', 'RP-02', 'RP-03', 'RP-04'])
        assert.equal(summary.requirements.find((r) => r.id === id)?.status, 'not-claimed', id);
    } finally {
      await vendor.close();
    }
  });
});
