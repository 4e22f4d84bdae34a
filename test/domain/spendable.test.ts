import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCurrency, assertSpendable, insufficient } from '../../reference-impl/domain/spendable.ts';
import { aVoucher, expiredAt, now, refusalOf } from './voucher-fixtures.ts';

describe('assertSpendable: only an activated voucher inside its validity can pay (LC-05, LC-07, LC-09, LC-13)', () => {
  test('an activated voucher passes', () => {
    assert.doesNotThrow(() => assertSpendable(aVoucher({ state: 'activated' }), now));
  });

  const refusals = [
    { state: 'prepared', code: 'voucher_not_active' },
    { state: 'activating', code: 'voucher_not_active' },
    { state: 'refunding', code: 'voucher_not_active' },
    { state: 'refunded', code: 'voucher_not_active' },
    { state: 'redeemed', code: 'voucher_redeemed' },
    { state: 'canceled', code: 'voucher_canceled' },
    { state: 'expired', code: 'voucher_expired' },
  ] as const;
  for (const { state, code } of refusals) {
    test(`a ${state} voucher is refused with ${code} and its state`, () => {
      const refusal = refusalOf(() => assertSpendable(aVoucher({ state }), now));
      assert.equal(refusal.code, code);
      assert.equal(refusal.extensions.state, state);
    });
  }

  test('an activated voucher past its validity is refused as expired', () => {
    const refusal = refusalOf(() => assertSpendable(aVoucher({ expiresAt: expiredAt }), now));
    assert.equal(refusal.code, 'voucher_expired');
    assert.equal(refusal.extensions.state, 'expired');
  });
});

describe('assertCurrency (RD-08)', () => {
  test('the voucher currency passes', () => {
    assert.doesNotThrow(() => assertCurrency(aVoucher({ currency: 'EUR' }), 'EUR'));
  });

  test('another currency is refused with currency_mismatch naming the expected one', () => {
    const refusal = refusalOf(() => assertCurrency(aVoucher({ currency: 'EUR' }), 'USD'));
    assert.equal(refusal.code, 'currency_mismatch');
    assert.deepEqual(refusal.extensions, { expected: 'EUR' });
  });

  test('currency codes are compared exactly', () => {
    assert.equal(
      refusalOf(() => assertCurrency(aVoucher({ currency: 'EUR' }), 'eur')).code,
      'currency_mismatch',
    );
  });
});

describe('insufficient', () => {
  test('always refuses with insufficient_balance and the available money', () => {
    const refusal = refusalOf(() => insufficient(aVoucher({ currency: 'CHF' }), 310, 500));
    assert.equal(refusal.code, 'insufficient_balance');
    assert.deepEqual(refusal.extensions, { available: { amount: 310, currency: 'CHF' } });
  });
});
