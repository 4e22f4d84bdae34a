import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { availableOf, effectiveState, usageOf } from '../../reference-impl/domain/voucher.ts';
import { voucherStates } from '../../spec/schemas/voucher.ts';
import { aVoucher, expiredAt, now, validUntil } from './voucher-fixtures.ts';

describe('effectiveState: expiry is derived from validity (LC-05)', () => {
  test('prepared and activated vouchers inside their validity keep their state', () => {
    assert.equal(effectiveState(aVoucher({ state: 'prepared', expiresAt: validUntil }), now), 'prepared');
    assert.equal(effectiveState(aVoucher({ state: 'activated', expiresAt: validUntil }), now), 'activated');
  });

  test('prepared and activated vouchers past their validity are expired', () => {
    assert.equal(effectiveState(aVoucher({ state: 'prepared', expiresAt: expiredAt }), now), 'expired');
    assert.equal(effectiveState(aVoucher({ state: 'activated', expiresAt: expiredAt }), now), 'expired');
  });

  test('validity ends at expiresAt itself, not one instant later', () => {
    const v = aVoucher({ expiresAt: now });
    assert.equal(effectiveState(v, now), 'expired');
    assert.equal(effectiveState(v, new Date(now.getTime() - 1)), 'activated');
  });

  test('every other state is kept whatever the clock says', () => {
    for (const state of voucherStates.filter((s) => s !== 'prepared' && s !== 'activated')) {
      assert.equal(effectiveState(aVoucher({ state, expiresAt: expiredAt }), now), state, state);
    }
  });
});

describe('usageOf: usage status at the register (LC-10)', () => {
  test('never used is not-redeemed', () => {
    assert.equal(usageOf(aVoucher({ used: false })), 'not-redeemed');
  });

  test('used but not redeemed is in-use, including a top-up voucher spent to zero', () => {
    assert.equal(usageOf(aVoucher({ used: true, balance: 800 })), 'in-use');
    assert.equal(usageOf(aVoucher({ used: true, balance: 0, topUpAllowed: true })), 'in-use');
  });

  test('a redeemed voucher is redeemed', () => {
    assert.equal(usageOf(aVoucher({ state: 'redeemed', used: true, balance: 0 })), 'redeemed');
  });
});

describe('availableOf: what the customer can spend elsewhere (RD-02)', () => {
  test('reserved holds reduce the available amount', () => {
    assert.equal(availableOf({ balance: 2000, held: 0 }), 2000);
    assert.equal(availableOf({ balance: 2000, held: 1500 }), 500);
    assert.equal(availableOf({ balance: 2000, held: 2000 }), 0);
  });

  test('never negative, and never more than the balance', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 12 }), fc.nat({ max: 10 ** 12 }), (balance, held) => {
        const available = availableOf({ balance, held });
        assert.ok(available >= 0);
        assert.ok(available <= balance);
        assert.equal(available, Math.max(0, balance - held));
      }),
    );
  });
});
