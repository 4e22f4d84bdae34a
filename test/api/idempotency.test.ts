import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let t: Tenant;
before(async () => {
  server = await startReferenceServer();
  t = await newTenant(server.url);
});
after(() => server.close());

const ledgerOf = async (id: string) => (await t.pos.get('getLedger', `/vouchers/${id}/ledger`)).body;

test('same key and same body replays the first answer and moves nothing more (RD-06)', async () => {
  const [v] = await activeVouchers(t, 2000);
  const key = randomUUID();
  const body = { amount: eur(500), receipt: receipt() };
  const first = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key });
  const again = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key });
  assert.equal(first.status, 201);
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, first.body);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal((await ledgerOf(v!.id)).balance.amount, 1500);
});

test('same key with another body is refused and changes nothing', async () => {
  const [v] = await activeVouchers(t, 2000);
  const key = randomUUID();
  await t.pos.post(
    'redeem',
    `/vouchers/${v!.id}/redemptions`,
    { amount: eur(500), receipt: receipt() },
    { idempotencyKey: key },
  );
  const other = await t.pos.post(
    'redeem',
    `/vouchers/${v!.id}/redemptions`,
    { amount: eur(700), receipt: receipt() },
    { idempotencyKey: key },
  );
  assert.equal(other.status, 422);
  assert.equal(other.body.code, 'idempotency_key_reused');
  assert.equal((await ledgerOf(v!.id)).balance.amount, 1500);
});

test('a refusal is an answer too: its replay is the same refusal', async () => {
  const [v] = await activeVouchers(t, 200);
  const key = randomUUID();
  const body = { amount: eur(500), receipt: receipt() };
  const first = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key });
  const again = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key });
  assert.equal(first.body.code, 'insufficient_balance');
  assert.deepEqual(again.body, first.body);
});

test('twenty concurrent retries with one key move the money once', async () => {
  const [v] = await activeVouchers(t, 2000);
  const key = randomUUID();
  const body = { amount: eur(300), receipt: receipt() };
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key }),
    ),
  );
  assert.ok(answers.every((a) => a.status === 201));
  assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
  const ledger = await ledgerOf(v!.id);
  assert.equal(ledger.balance.amount, 1700);
  assert.equal(ledger.entries.filter((e: { kind: string }) => e.kind === 'capture').length, 1);
});

test('a mutating request without a key is refused', async () => {
  const [v] = await activeVouchers(t, 2000);
  const r = await t.pos.post(
    'redeem',
    `/vouchers/${v!.id}/redemptions`,
    { amount: eur(300), receipt: receipt() },
    { idempotencyKey: null },
  );
  assert.equal(r.status, 400);
  assert.equal(r.body.code, 'idempotency_key_missing');
  assert.equal((await ledgerOf(v!.id)).balance.amount, 2000);
});

test('keys are per tenant: another tenant may use the same key', async () => {
  const other = await newTenant(server.url);
  const [a] = await activeVouchers(t, 2000);
  const [b] = await activeVouchers(other, 2000);
  const key = randomUUID();
  const r1 = await t.pos.post(
    'redeem',
    `/vouchers/${a!.id}/redemptions`,
    { amount: eur(100), receipt: receipt() },
    { idempotencyKey: key },
  );
  const r2 = await other.pos.post(
    'redeem',
    `/vouchers/${b!.id}/redemptions`,
    { amount: eur(100), receipt: receipt() },
    { idempotencyKey: key },
  );
  assert.equal(r1.status, 201);
  assert.equal(r2.status, 201);
  assert.notEqual(r1.body.id, r2.body.id);
});
