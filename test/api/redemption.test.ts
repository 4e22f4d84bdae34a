import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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

const hold = (id: string, amount: number, who = t.pos) =>
  who.post('createHold', `/vouchers/${id}/holds`, { amount: eur(amount), receipt: receipt() });
const balance = async (id: string) => (await t.pos.get('getBalance', `/vouchers/${id}/balance`)).body;
const ledger = async (id: string) => (await t.pos.get('getLedger', `/vouchers/${id}/ledger`)).body;

describe('holds (RD-02)', () => {
  test('a hold reduces the spendable balance but not the ledger; release restores it', async () => {
    const [v] = await activeVouchers(t, 5000, 1, { policy: 'amount-holds' });
    const before = await ledger(v!.id);
    const h = await hold(v!.id, 1200);
    assert.equal(h.status, 201);
    assert.equal(h.body.status, 'open');
    assert.deepEqual((await balance(v!.id)).available, eur(3800));
    assert.deepEqual((await balance(v!.id)).balance, eur(5000));
    assert.deepEqual(await ledger(v!.id), before);
    const released = await t.pos.post('releaseHold', `/holds/${h.body.id}/release`);
    assert.equal(released.body.status, 'released');
    assert.deepEqual((await balance(v!.id)).available, eur(5000));
    assert.deepEqual(await ledger(v!.id), before);
    const again = await t.pos.post('captureHold', `/holds/${h.body.id}/capture`);
    assert.equal(again.body.code, 'hold_not_open');
  });

  test('partial capture moves only the captured amount and closes the hold', async () => {
    const [v] = await activeVouchers(t, 5000);
    const h = await hold(v!.id, 3000);
    const c = await t.pos.post('captureHold', `/holds/${h.body.id}/capture`, { amount: eur(1190) });
    assert.equal(c.status, 201);
    assert.deepEqual(c.body.amount, eur(1190));
    assert.deepEqual(c.body.balanceAfter, eur(3810));
    assert.deepEqual((await balance(v!.id)).available, eur(3810));
    const l = await ledger(v!.id);
    assert.deepEqual(l.entries.at(-1), {
      ...l.entries.at(-1),
      kind: 'capture',
      amount: -1190,
      balanceAfter: 3810,
    });
    const over = await t.pos.post('captureHold', `/holds/${(await hold(v!.id, 100)).body.id}/capture`, {
      amount: eur(101),
    });
    assert.equal(over.body.code, 'capture_exceeds_hold');
  });

  test('capture after the hold expired is refused and nothing moves (RD-04)', async () => {
    const [v] = await activeVouchers(t, 5000, 1, { holdTtlSeconds: 60 });
    const other = await newTenant(server.url);
    const h = await hold(v!.id, 1000);
    await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 61 }, { idempotencyKey: null });
    const c = await t.pos.post('captureHold', `/holds/${h.body.id}/capture`);
    assert.equal(c.status, 409);
    assert.equal(c.body.code, 'hold_expired');
    assert.deepEqual((await balance(v!.id)).available, eur(5000));
    assert.equal((await t.pos.get('getHold', `/holds/${h.body.id}`)).body.status, 'expired');
    // another tenant's clock did not move
    assert.equal((await other.pos.get('getTestClock', '/test/clock')).body.offsetSeconds, 0);
  });
});

describe('balance and refusals (RD-01, RD-03, RD-08)', () => {
  test('insufficient balance is refused with the available amount and changes nothing', async () => {
    const [v] = await activeVouchers(t, 2000);
    await hold(v!.id, 500);
    const before = await ledger(v!.id);
    const r = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(1600),
      receipt: receipt(),
    });
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'insufficient_balance');
    assert.deepEqual(r.body.available, eur(1500));
    assert.deepEqual(await ledger(v!.id), before);
  });

  test("a currency other than the voucher's is refused", async () => {
    const [v] = await activeVouchers(t, 2000);
    const r = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
      amount: { amount: 100, currency: 'USD' },
      receipt: receipt(),
    });
    assert.equal(r.body.code, 'currency_mismatch');
  });

  test('one-step redemption of a one-time voucher leaves it redeemed (LC-07)', async () => {
    const [v] = await activeVouchers(t, 2000, 1, { reusable: false });
    const r = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(500),
      receipt: receipt(),
    });
    assert.equal(r.status, 201);
    const b = await balance(v!.id);
    assert.equal(b.state, 'redeemed');
    assert.equal(b.usage, 'redeemed');
    const again = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(500),
      receipt: receipt(),
    });
    assert.equal(again.body.code, 'voucher_redeemed');
  });

  test('a reusable voucher is in use after partial redemption and redeemed at zero (LC-10)', async () => {
    const [v] = await activeVouchers(t, 2000);
    await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, { amount: eur(500), receipt: receipt() });
    assert.equal((await balance(v!.id)).usage, 'in-use');
    await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, { amount: eur(1500), receipt: receipt() });
    const b = await balance(v!.id);
    assert.equal(b.state, 'redeemed');
    assert.deepEqual(b.balance, eur(0));
  });
});

describe('refunds of a redemption (RD-05)', () => {
  test('refunds are capped at what the redemption took; partial refunds add up; a second reversal credits nothing', async () => {
    const [v] = await activeVouchers(t, 5000);
    const r = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
      amount: eur(3000),
      receipt: receipt(),
    });
    const path = `/redemptions/${r.body.id}/refunds`;
    const first = await t.pos.post('refundRedemption', path, {
      amount: eur(1000),
      receipt: receipt('RET-1'),
    });
    assert.equal(first.status, 201);
    assert.deepEqual(first.body.refundedTotal, eur(1000));
    const tooMuch = await t.pos.post('refundRedemption', path, {
      amount: eur(2001),
      receipt: receipt('RET-2'),
    });
    assert.equal(tooMuch.body.code, 'refund_exceeds_redemption');
    assert.deepEqual(tooMuch.body.refundable, eur(2000));
    const rest = await t.pos.post('refundRedemption', path, { receipt: receipt('RET-3') });
    assert.deepEqual(rest.body.amount, eur(2000));
    assert.deepEqual(rest.body.balanceAfter, eur(5000));
    const second = await t.pos.post('refundRedemption', path, { receipt: receipt('RET-4') });
    assert.equal(second.body.code, 'refund_exceeds_redemption');
    assert.deepEqual(second.body.refundable, eur(0));
    assert.deepEqual((await balance(v!.id)).balance, eur(5000));
  });
});

describe('redeem entire (CC-04)', () => {
  test('a 20.00 voucher on an 11.90 receipt leaves a new 8.10 voucher with a new id', async () => {
    const [v] = await activeVouchers(t, 2000, 1, { policy: 'redeem-entire' });
    const h = await hold(v!.id, 1190);
    const c = await t.pos.post('captureHold', `/holds/${h.body.id}/capture`);
    assert.equal(c.status, 201);
    assert.deepEqual(c.body.amount, eur(1190));
    const rest = c.body.remainderVoucher;
    assert.notEqual(rest.id, v!.id);
    assert.notEqual(rest.number, v!.number);
    assert.deepEqual(rest.balance, eur(810));
    assert.equal(rest.state, 'activated');
    assert.equal(rest.remainderOf, v!.id);
    const old = await balance(v!.id);
    assert.equal(old.state, 'redeemed');
    assert.deepEqual(old.balance, eur(0));
    const kinds = (await ledger(v!.id)).entries.map(
      (e: { kind: string; amount: number }) => `${e.kind}:${e.amount}`,
    );
    assert.deepEqual(kinds.slice(-2), ['capture:-1190', 'remainder:-810']);
    const used = await t.pos.post('redeem', `/vouchers/${rest.id}/redemptions`, {
      amount: eur(810),
      receipt: receipt(),
    });
    assert.equal(used.status, 201);
  });
});
