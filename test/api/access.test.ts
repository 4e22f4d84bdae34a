import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { ApiClient } from '../support/api-client.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let t: Tenant;
let other: Tenant;
let voucherId: string;
before(async () => {
  server = await startReferenceServer();
  t = await newTenant(server.url);
  other = await newTenant(server.url);
  voucherId = (await activeVouchers(t, 2000))[0]!.id;
});
after(() => server.close());

const redeem = (client: ApiClient) =>
  client.post('redeem', `/vouchers/${voucherId}/redemptions`, { amount: eur(100), receipt: receipt() });
const balance = async () => (await t.pos.get('getVoucher', `/vouchers/${voucherId}`)).body.balance.amount;

test('no key and an unknown key are unauthorized', async () => {
  assert.equal((await redeem(t.anon)).body.code, 'unauthorized');
  assert.equal((await redeem(t.anon.as('vk_pos_forged'))).body.code, 'unauthorized');
  assert.equal(await balance(), 2000);
});

test("a tenant never sees or touches another tenant's vouchers", async () => {
  assert.equal((await other.pos.get('getVoucher', `/vouchers/${voucherId}`)).body.code, 'not_found');
  assert.equal((await redeem(other.pos)).body.code, 'not_found');
  assert.equal(await balance(), 2000);
});

test('a POS key cannot use back-office operations, a back-office key cannot redeem', async () => {
  const r = await t.pos.post('createVoucherType', '/voucher-types', {
    code: 'X',
    name: 'x',
    currency: 'EUR',
    productCode: 'P',
    validityDays: 1,
    reusable: true,
    topUpAllowed: false,
    policy: 'balance-guard',
  });
  assert.equal(r.body.code, 'forbidden');
  assert.equal((await t.pos.get('reportLiability', '/reports/liability')).body.code, 'forbidden');
  assert.equal((await redeem(t.office)).body.code, 'forbidden');
  assert.equal(await balance(), 2000);
});

test('test control is off unless the server is started for testing', async () => {
  const { startReferenceServer: start } = await import('../support/reference-server.ts');
  const plain = await start({ testControl: false });
  try {
    const anon = new ApiClient(plain.url);
    const r = await anon.post('createTestTenant', '/test/tenants', {}, { idempotencyKey: null });
    assert.equal(r.status, 404);
    const caps = (await anon.get('getCapabilities', '/capabilities')).body.capabilities;
    assert.ok(!caps.includes('test-control'));
    assert.equal((await anon.get('getHealth', '/health')).body.status, 'ok');
  } finally {
    await plain.close();
  }
});
