import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningServer, startServer } from '../../reference-impl/server.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { readK6Outputs } from '../../src/load/k6-samples.ts';
import { formatLoadSummary } from '../../src/load/load-summary.ts';
import { runLoad } from '../../src/load/run-load.ts';
import { setupRecord } from '../../src/load/setup-record.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import type { ApiClient } from '../support/api-client.ts';
import { newTenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const skip = findK6() ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';

/** A vendor without test control: the k6 scripts set up on the tenant of the keys given with --api-key. */
describe('vcert load against a target without test control', { skip }, () => {
  let owner: RunningServer;
  let shared: RunningServer;
  let keys: Record<'pos' | 'webshop' | 'backoffice', string>;
  before(async () => {
    owner = await startReferenceServer();
    const tenant = await newTenant(owner.url);
    const keyOf = (client: ApiClient) => client.key as string;
    keys = { pos: keyOf(tenant.pos), webshop: keyOf(tenant.webshop), backoffice: keyOf(tenant.office) };
    shared = await startServer({ databaseUrl: owner.databaseUrl, testControl: false, logLevel: 'error' });
  });
  after(async () => {
    await shared?.close();
    await owner?.close();
  });

  it('without --api-key it cannot run, and says to give one', async () => {
    await assert.rejects(
      runLoad({ script: 'load/hot-voucher.ts', target: shared.url, outDir: scratchDir('vcert-load-keys') }),
      (error: Error) => error.name === 'LoadNotRun' && /give --api-key role=KEY/.test(error.message),
    );
  });

  it('with --api-key it runs on that tenant, and the audit holds', async () => {
    const out = scratchDir('vcert-load-keys');
    const result = await runLoad({
      script: 'load/hot-voucher.ts',
      target: shared.url,
      outDir: out,
      env: { DURATION: '2s', VUS: '4' },
      apiKeys: keys,
    });
    const summary = formatLoadSummary(result);
    assert.equal(result.ok, true, summary);
    const setup = setupRecord(await readK6Outputs([result.files.k6 as string]));
    assert.deepEqual(setup?.keys, keys, 'the vouchers were set up with the given keys');
  });
});
