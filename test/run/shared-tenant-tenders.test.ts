import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { type RunningServer, startServer } from '../../reference-impl/server.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { scratchDir } from './scratch-dir.ts';

const seed = new URL('../fixtures/tenders/seed/', import.meta.url);

async function json(url: string, key: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const answer = await request(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined
        ? {}
        : { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.statusCode, body: await answer.body.json() };
}

/**
 * A vendor without test control: every scenario runs on its one tenant. The tenant is made through a
 * first instance with test control; the run goes to a second instance on the same database without it.
 */
describe('vcert run on a shared tenant (no test control)', () => {
  let owner: RunningServer;
  let shared: RunningServer;
  let keys: Record<'pos' | 'webshop' | 'backoffice', string>;
  let vendorConfig: unknown;

  before(async () => {
    owner = await startReferenceServer();
    const created = await request(`${owner.url}/test/tenants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    keys = ((await created.body.json()) as { keys: typeof keys }).keys;
    shared = await startServer({ databaseUrl: owner.databaseUrl, testControl: false, logLevel: 'error' });
    const names = await readdir(seed);
    const files = await Promise.all(
      names.map(async (name) => ({ name, content: await readFile(new URL(name, seed), 'utf8') })),
    );
    const loaded = await json(`${shared.url}/tenders/config`, keys.backoffice, { format: 'xml', files });
    assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
    vendorConfig = (await json(`${shared.url}/tenders/config`, keys.pos)).body;
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
    const after = await json(`${shared.url}/tenders/config`, keys.pos);
    assert.deepEqual(after.body, vendorConfig);
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
    assert.deepEqual((await json(`${shared.url}/tenders/config`, keys.pos)).body, vendorConfig);
  });
});
