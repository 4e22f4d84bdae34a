import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { RunningServer } from '../../reference-impl/server.ts';
import { sweepOnce } from '../../reference-impl/sweeper.ts';
import {
  activeVouchers,
  eur,
  newTenant,
  preparedVouchers,
  receipt,
  type Tenant,
} from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let t: Tenant;
before(async () => {
  server = await startReferenceServer({ sweepIntervalMs: 3_600_000 });
  t = await newTenant(server.url);
});
after(() => server.close());

test('RP-01..04: vouchers, activity, liability and uses', async () => {
  const [a, b] = await activeVouchers(t, 2000, 2);
  await preparedVouchers(t, 500, 1);
  const sale = {
    ...receipt('R-77'),
    total: eur(3000),
    lines: [{ product: 'SHOE', quantity: 1, amount: eur(3000) }],
  };
  await t.pos.post('redeem', `/vouchers/${a!.id}/redemptions`, { amount: eur(1190), receipt: sale });
  await t.pos.post('startReturn', `/vouchers/${b!.id}/return`, { receipt: receipt('RET') });
  await t.pos.post('completeReturn', `/vouchers/${b!.id}/return/complete`, { outcome: 'refunded' });

  const list = (await t.office.get('reportVouchers', '/reports/vouchers')).body.items;
  assert.equal(list.length, 3);
  const rowA = list.find((r: { voucherId: string }) => r.voucherId === a!.id);
  assert.deepEqual([rowA.denomination, rowA.balance, rowA.state], [eur(2000), eur(810), 'activated']);
  const page = (await t.office.get('reportVouchers', '/reports/vouchers?limit=2')).body;
  assert.equal(page.items.length, 2);
  assert.ok(page.next);

  const month = (await t.office.get('reportActivity', '/reports/activity?period=month')).body.rows;
  assert.equal(month.length, 1);
  assert.deepEqual([month[0].issued, month[0].sold, month[0].used, month[0].returned], [3, 2, 1, 1]);
  const byStore = (await t.office.get('reportActivity', '/reports/activity?period=quarter&groupBy=store'))
    .body.rows;
  const s1 = byStore.find((r: { group: string | null }) => r.group === 'S-001');
  assert.match(s1.period, /^\d{4}-Q[1-4]$/);
  assert.equal(s1.used, 1);

  const liability = (await t.office.get('reportLiability', '/reports/liability')).body.totals;
  assert.deepEqual(liability, [{ currency: 'EUR', amount: 810, vouchers: 1 }]);

  const uses = (await t.office.get('reportUses', `/reports/uses?voucherId=${a!.id}`)).body.items;
  assert.equal(uses.length, 1);
  assert.deepEqual(
    [uses[0].receiptNumber, uses[0].products, uses[0].receiptAmount, uses[0].voucherAmount, uses[0].store],
    ['R-77', ['SHOE'], eur(3000), eur(1190), 'S-001'],
  );
});

test('RP-03: the liability of one voucher type, named by its code or its id', async () => {
  const [a, b] = await activeVouchers(t, 2000, 2);
  await activeVouchers(t, 700, 1);
  await t.pos.post('redeem', `/vouchers/${a!.id}/redemptions`, { amount: eur(500), receipt: receipt() });
  const typeId = (await t.pos.get('getVoucher', `/vouchers/${b!.id}`)).body.voucherTypeId;
  const code = (await t.office.get('getVoucherType', `/voucher-types/${typeId}`)).body.code;
  for (const name of [code, typeId]) {
    const answer = await t.office.get('reportLiability', `/reports/liability?voucherType=${name}`);
    assert.deepEqual(answer.body.totals, [{ currency: 'EUR', amount: 3500, vouchers: 2 }], name);
  }
  const none = await t.office.get('reportLiability', '/reports/liability?voucherType=NO-SUCH-TYPE');
  assert.deepEqual([none.status, none.body.totals], [200, []]);
});

test('RD-04: the sweeper releases expired holds without anyone asking', async () => {
  const [v] = await activeVouchers(t, 2000, 1, { holdTtlSeconds: 30 });
  const h = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
    amount: eur(700),
    receipt: receipt(),
  });
  assert.equal(h.status, 201);
  await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 31 }, { idempotencyKey: null });
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  // Its idle connections may still be closing when the server's PostgreSQL stops after the test.
  pool.on('error', () => {});
  try {
    const stored = async () =>
      (
        await pool.query(
          'SELECT h.status, v.held, v.open_holds FROM holds h JOIN vouchers v ON v.id = h.voucher_id WHERE h.id = $1',
          [h.body.id],
        )
      ).rows[0];
    assert.deepEqual(await stored(), { status: 'open', held: 700, open_holds: 1 });
    const expired = await sweepOnce(pool, { now: () => Date.now() });
    assert.ok(expired >= 1);
    assert.deepEqual(await stored(), { status: 'expired', held: 0, open_holds: 0 });
  } finally {
    await pool.end();
  }
});
