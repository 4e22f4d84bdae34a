import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { RunningServer } from '../../reference-impl/server.ts';
import { activeVouchers, eur, newTenant, receipt } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

// A key already seen is not looked up again before an operation: the operation's own transaction
// confirms it. These change the database behind the server's back, as another server on the same
// database (or an operator) would.
let server: RunningServer;
let db: pg.Pool;
before(async () => {
  server = await startReferenceServer();
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  db.on('error', () => {});
});
after(async () => {
  await db.end();
  await server.close();
});

const redeem = (t: Awaited<ReturnType<typeof newTenant>>, id: string, amount: number) =>
  t.pos.post('redeem', `/vouchers/${id}/redemptions`, { amount: eur(amount), receipt: receipt() });

test('a tenant clock moved elsewhere is the clock the next operation runs on', async () => {
  const t = await newTenant(server.url);
  const [v] = await activeVouchers(t, 1000, 1, { validityDays: 10 });
  assert.equal((await redeem(t, v!.id, 100)).status, 201);
  await db.query('UPDATE tenants SET clock_offset_seconds = $2 WHERE id = $1', [t.tenantId, 11 * 86_400]);
  const late = await redeem(t, v!.id, 100);
  assert.equal(late.status, 409);
  assert.equal(late.body.code, 'voucher_expired');
  const balance = await t.pos.get('getBalance', `/vouchers/${v!.id}/balance`);
  assert.equal(balance.body.balance.amount, 900);
});

test('a key removed elsewhere is unauthorized at once, and moves nothing', async () => {
  const t = await newTenant(server.url);
  const [v] = await activeVouchers(t, 1000);
  assert.equal((await redeem(t, v!.id, 100)).status, 201);
  await db.query("DELETE FROM api_keys WHERE tenant_id = $1 AND role = 'pos'", [t.tenantId]);
  const refused = await redeem(t, v!.id, 100);
  assert.equal(refused.status, 401);
  assert.equal(refused.body.code, 'unauthorized');
  const again = await redeem(t, v!.id, 100);
  assert.equal(again.status, 401);
  const ledger = await t.office.get('getLedger', `/vouchers/${v!.id}/ledger`);
  assert.equal(ledger.body.balance.amount, 900);
});
