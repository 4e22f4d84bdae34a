import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { newTenant, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let t: Tenant;
before(async () => {
  server = await startReferenceServer();
  t = await newTenant(server.url);
});
after(() => server.close());

const filesOf = (folder: string) => {
  const dir = new URL(`../fixtures/tenders/${folder}/`, import.meta.url);
  return readdirSync(dir).map((name) => ({ name, content: readFileSync(new URL(name, dir), 'utf8') }));
};
const sale = (tenders: string[] = []) => ({
  transactionType: 'SA',
  lineItems: [{ type: 'SA' }],
  total: { amount: 5000, currency: 'EUR' },
  tenders,
});

test('TA-13: the seed XML loads over HTTP; a receipt without customer may use only the DEFAULT group (TA-04)', async () => {
  const loaded = await t.office.post('loadTenderConfig', '/tenders/config', {
    format: 'xml',
    files: filesOf('seed'),
  });
  assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
  assert.ok(loaded.body.tenders.length > 0);
  const answer = await t.pos.post('evaluateTenders', '/tenders/evaluate', sale(), { idempotencyKey: null });
  assert.equal(answer.status, 200);
  const allowed = answer.body.tenders
    .filter((v: { allowed: boolean }) => v.allowed)
    .map((v: { tender: string }) => v.tender);
  assert.deepEqual(allowed, ['ZTCS']);
  const refused = answer.body.tenders.find((v: { allowed: boolean }) => !v.allowed);
  assert.ok(refused.refusedBy.length > 0, 'every refusal names its rule (TA-12)');
});

test('a broken configuration is refused with every problem and the previous one stays in force', async () => {
  const before = (await t.pos.get('getTenderConfig', '/tenders/config')).body;
  const refused = await t.office.post('loadTenderConfig', '/tenders/config', {
    format: 'xml',
    files: filesOf('broken'),
  });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.code, 'validation_failed');
  assert.ok(refused.body.errors.length > 1, 'all problems are listed, not just the first');
  assert.deepEqual((await t.pos.get('getTenderConfig', '/tenders/config')).body, before);
});

test('tender configuration is back office only, and per tenant', async () => {
  const denied = await t.pos.post('loadTenderConfig', '/tenders/config', {
    format: 'xml',
    files: filesOf('seed'),
  });
  assert.equal(denied.body.code, 'forbidden');
  const other = await newTenant(server.url);
  assert.deepEqual((await other.pos.get('getTenderConfig', '/tenders/config')).body.tenders, []);
});
