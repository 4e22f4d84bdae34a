import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
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
  server = await startReferenceServer();
  t = await newTenant(server.url);
});
after(() => server.close());

const get = async (id: string) => (await t.pos.get('getVoucher', `/vouchers/${id}`)).body;

describe('issue and identifiers (LC-01, LC-02, LC-03, LC-12)', () => {
  test('issuing past the template capacity is refused with what remains', async () => {
    const vouchers = await preparedVouchers(t, 1000, 3, { capacity: 4 });
    assert.equal(vouchers.length, 3);
    const v = await get(vouchers[0]!.id);
    const over = await t.office.post('issueVouchers', `/templates/${v.templateId}/issue`, {
      count: 2,
      denomination: eur(1000),
    });
    assert.equal(over.status, 409);
    assert.equal(over.body.code, 'template_capacity_exhausted');
    assert.equal(over.body.remaining, 1);
    assert.equal((await t.office.get('getTemplate', `/templates/${v.templateId}`)).body.issued, 3);
  });

  test('every identifier finds the voucher, and issued vouchers start prepared', async () => {
    const [v] = await preparedVouchers(t, 2500);
    for (const kind of ['number', 'barcode', 'magstripe', 'qr'] as const) {
      const found = await t.pos.get(
        'lookupVoucher',
        `/vouchers/lookup?${kind}=${encodeURIComponent(v![kind])}`,
      );
      assert.equal(found.status, 200, kind);
      assert.equal(found.body.id, v!.id);
      assert.equal(found.body.state, 'prepared');
    }
    const none = await t.pos.get('lookupVoucher', '/vouchers/lookup?barcode=000');
    assert.equal(none.body.code, 'not_found');
    const two = await t.pos.get('lookupVoucher', `/vouchers/lookup?barcode=1&number=2`);
    assert.equal(two.body.code, 'validation_failed');
  });

  test('balance inquiry gives type, denomination, balance, state and product code', async () => {
    const [v] = await activeVouchers(t, 2500);
    const b = (await t.pos.get('getBalance', `/vouchers/${v!.id}/balance`)).body;
    assert.deepEqual(
      [b.denomination, b.balance, b.state, b.productCode, b.usage],
      [eur(2500), eur(2500), 'activated', 'GIFT', 'not-redeemed'],
    );
    assert.equal(b.voucherType.name, 'Gift card');
  });
});

describe('two-phase sale (LC-06)', () => {
  test('a sale rolled back leaves the voucher exactly as it was', async () => {
    const [v] = await preparedVouchers(t, 1500);
    const before = await get(v!.id);
    const ledgerBefore = (await t.pos.get('getLedger', `/vouchers/${v!.id}/ledger`)).body;
    assert.equal(
      (await t.pos.post('startSale', `/vouchers/${v!.id}/sale`, { receipt: receipt() })).body.state,
      'activating',
    );
    const redeemWhileActivating = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(1),
      receipt: receipt(),
    });
    assert.equal(redeemWhileActivating.body.code, 'voucher_not_active');
    assert.equal((await t.pos.post('cancelSale', `/vouchers/${v!.id}/sale/cancel`)).body.state, 'prepared');
    assert.deepEqual(await get(v!.id), before);
    assert.deepEqual((await t.pos.get('getLedger', `/vouchers/${v!.id}/ledger`)).body, ledgerBefore);
  });

  test('closing the receipt activates the voucher and records the activation', async () => {
    const [v] = await activeVouchers(t, 1500);
    const after = await get(v!.id);
    assert.equal(after.state, 'activated');
    assert.ok(after.activatedAt);
    const kinds = (await t.pos.get('getLedger', `/vouchers/${v!.id}/ledger`)).body.entries.map(
      (e: { kind: string }) => e.kind,
    );
    assert.deepEqual(kinds, ['issue', 'activation']);
  });
});

describe('refund of an unused voucher (LC-08)', () => {
  test('closing the return document refunds it; a used voucher cannot be returned', async () => {
    const [a, b] = await activeVouchers(t, 1500, 2);
    assert.equal(
      (await t.pos.post('startReturn', `/vouchers/${a!.id}/return`, { receipt: receipt('RET') })).body.state,
      'refunding',
    );
    const done = await t.pos.post('completeReturn', `/vouchers/${a!.id}/return/complete`, {
      outcome: 'refunded',
    });
    assert.equal(done.body.state, 'refunded');
    assert.deepEqual(done.body.balance, eur(0));
    await t.pos.post('redeem', `/vouchers/${b!.id}/redemptions`, { amount: eur(100), receipt: receipt() });
    const used = await t.pos.post('startReturn', `/vouchers/${b!.id}/return`, { receipt: receipt('RET2') });
    assert.equal(used.body.code, 'illegal_transition');
  });

  test('the register may send the voucher back to prepared instead', async () => {
    const [v] = await activeVouchers(t, 1500);
    await t.pos.post('startReturn', `/vouchers/${v!.id}/return`, { receipt: receipt('RET') });
    const done = await t.pos.post('completeReturn', `/vouchers/${v!.id}/return/complete`, {
      outcome: 'prepared',
    });
    assert.equal(done.body.state, 'prepared');
    assert.deepEqual(done.body.balance, eur(1500));
  });
});

describe('cancel, restore, expiry and top-up (LC-05, LC-09, LC-11, LC-13)', () => {
  test('cancel is manual and back office only; restore returns it to prepared', async () => {
    const [v] = await activeVouchers(t, 1500);
    const byPos = await t.pos.post('cancelVoucher', `/vouchers/${v!.id}/cancel`, { reason: 'compromised' });
    assert.equal(byPos.body.code, 'forbidden');
    assert.equal(
      (await t.office.post('cancelVoucher', `/vouchers/${v!.id}/cancel`, { reason: 'compromised' })).body
        .state,
      'canceled',
    );
    const pay = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(1),
      receipt: receipt(),
    });
    assert.equal(pay.body.code, 'voucher_canceled');
    const sell = await t.pos.post('startSale', `/vouchers/${v!.id}/sale`, { receipt: receipt() });
    assert.equal(sell.body.code, 'voucher_canceled');
    assert.equal(
      (await t.office.post('restoreVoucher', `/vouchers/${v!.id}/restore`)).body.state,
      'prepared',
    );
  });

  test('an expired voucher cannot pay or be refunded; its validity can be changed manually', async () => {
    const other = await newTenant(server.url);
    const [v] = await activeVouchers(other, 1500, 1, { validityDays: 30 });
    await other.pos.post(
      'advanceTestClock',
      '/test/clock',
      { advanceSeconds: 31 * 86400 },
      { idempotencyKey: null },
    );
    assert.equal((await other.pos.get('getVoucher', `/vouchers/${v!.id}`)).body.state, 'expired');
    const pay = await other.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(1),
      receipt: receipt(),
    });
    assert.equal(pay.body.code, 'voucher_expired');
    const ret = await other.pos.post('startReturn', `/vouchers/${v!.id}/return`, { receipt: receipt() });
    assert.equal(ret.body.code, 'voucher_expired');
    const later = new Date(Date.now() + 400 * 86400_000).toISOString();
    const extended = await other.office.post('setValidity', `/vouchers/${v!.id}/validity`, {
      expiresAt: later,
    });
    assert.equal(extended.body.state, 'activated');
  });

  test('top-up only where the type allows it', async () => {
    const [yes] = await activeVouchers(t, 1000, 1, { topUpAllowed: true });
    const [no] = await activeVouchers(t, 1000);
    const up = await t.pos.post('topUp', `/vouchers/${yes!.id}/top-ups`, {
      amount: eur(500),
      receipt: receipt(),
    });
    assert.deepEqual(up.body.balance, eur(1500));
    const refused = await t.pos.post('topUp', `/vouchers/${no!.id}/top-ups`, {
      amount: eur(500),
      receipt: receipt(),
    });
    assert.equal(refused.body.code, 'top_up_not_allowed');
    await t.pos.post('redeem', `/vouchers/${yes!.id}/redemptions`, { amount: eur(1500), receipt: receipt() });
    const drained = await t.pos.get('getVoucher', `/vouchers/${yes!.id}`);
    assert.deepEqual([drained.body.state, drained.body.usage], ['activated', 'in-use']);
  });

  test('redeeming a prepared voucher is refused as not active and changes nothing', async () => {
    const [v] = await preparedVouchers(t, 1000);
    const before = await get(v!.id);
    const r = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
      amount: eur(100),
      receipt: receipt(),
    });
    assert.equal(r.body.code, 'voucher_not_active');
    assert.equal(r.body.state, 'prepared');
    assert.deepEqual(await get(v!.id), before);
    const missing = await t.pos.post('createHold', '/vouchers/00000000-0000-4000-8000-000000000000/holds', {
      amount: eur(100),
      receipt: receipt(),
    });
    assert.equal(missing.body.code, 'not_found');
  });
});
