import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { type RunningServer, startServer } from '../../reference-impl/server.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { ApiClient } from '../support/api-client.ts';
import { newTenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { scratchDir } from './scratch-dir.ts';

const seed = new URL('../fixtures/tenders/seed/', import.meta.url);

/**
 * A vendor without test control: every scenario runs on its one tenant. The tenant is made through a
 * first instance with test control; the run goes to a second instance on the same database without it.
 */
describe('vcert run on a shared tenant (no test control)', () => {
  let owner: RunningServer;
  let shared: RunningServer;
  let keys: Record<'pos' | 'webshop' | 'backoffice', string>;
  let vendorConfig: unknown;
  /** Reads the shared tenant's tender configuration in force. */
  const configInForce = async () =>
    (await new ApiClient(shared.url, keys.pos).get('getTenderConfig', '/tenders/config')).body;

  before(async () => {
    owner = await startReferenceServer();
    const tenant = await newTenant(owner.url);
    const keyOf = (client: ApiClient) => client.key as string;
    keys = { pos: keyOf(tenant.pos), webshop: keyOf(tenant.webshop), backoffice: keyOf(tenant.office) };
    shared = await startServer({ databaseUrl: owner.databaseUrl, testControl: false, logLevel: 'error' });
    const names = await readdir(seed);
    const files = await Promise.all(
      names.map(async (name) => ({ name, content: await readFile(new URL(name, seed), 'utf8') })),
    );
    const office = new ApiClient(shared.url, keys.backoffice);
    const loaded = await office.post('loadTenderConfig', '/tenders/config', { format: 'xml', files });
    assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
    vendorConfig = await configInForce();
  });

  after(async () => {
    await shared?.close();
    await owner?.close();
  });

  it("loads the vendor's tender configuration back after the tender scenarios replaced it", async () => {
    const { summary } = await runConformance({
      target: shared.url,
      apiKeys: keys,
      tags: '@capability:tenders',
      reports: scratchDir('vcert-shared-tenders'),
    });
    assert.ok(!summary.capabilities.claimed.includes('test-control'));
    assert.ok(summary.totals.scenarios.passed > 0, 'the tender scenarios ran on the shared tenant');
    assert.deepEqual(
      summary.verdict.reasons.filter((reason) => /tender configuration/.test(reason)),
      [],
    );
    assert.deepEqual(await configInForce(), vendorConfig);
  });

  it('does not start when the configuration in force cannot be read (it could not be put back)', async () => {
    const { summary, exitCode } = await runConformance({
      target: shared.url,
      apiKeys: { backoffice: 'not-a-key' },
      tags: '@capability:tenders',
      reports: scratchDir('vcert-shared-tenders'),
    });
    assert.notEqual(exitCode, 0);
    assert.ok(
      summary.verdict.reasons.some((reason) => /cannot read the tender configuration/.test(reason)),
      summary.verdict.reasons.join('; '),
    );
    assert.equal(summary.scenarios.length, 0);
    assert.deepEqual(await configInForce(), vendorConfig);
  });
});
