import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decideRefund, type RedemptionRecord } from '../../reference-impl/domain/refund.ts';
import { Refusal } from '../../reference-impl/domain/refusal.ts';
import { aVoucher, eur, expiredAt, now, outcomeOf, refusalOf } from './voucher-fixtures.ts';

function aRedemption(overrides: Partial<RedemptionRecord> = {}): RedemptionRecord {
  return { id: 'r-1', voucherId: 'v-1', amount: 1190, refunded: 0, ...overrides };
}

const spent = aVoucher({ balance: 810, used: true });

describe('decideRefund: crediting back what a redemption took (RD-05)', () => {
  test('without an amount it credits all that is left to refund', () => {
    assert.deepEqual(decideRefund(spent, aRedemption({ refunded: 190 }), undefined, now), {
      amount: 1000,
      state: 'activated',
    });
  });

  test('a voucher the redemption had used up can pay again', () => {
    const v = aVoucher({ state: 'redeemed', balance: 0, used: true });
    assert.equal(decideRefund(v, aRedemption(), eur(100), now).state, 'activated');
  });

  test('capped at what the redemption took', () => {
    const refusal = refusalOf(() => decideRefund(spent, aRedemption({ amount: 1190 }), eur(1191), now));
    assert.equal(refusal.code, 'refund_exceeds_redemption');
    assert.deepEqual(refusal.extensions, { refundable: eur(1190) });
  });

  test('partial refunds add up to the redemption, and not one cent more', () => {
    let r = aRedemption({ amount: 1190 });
    for (const part of [300, 400, 490]) {
      const decided = decideRefund(spent, r, eur(part), now);
      assert.equal(decided.amount, part);
      r = { ...r, refunded: r.refunded + decided.amount };
    }
    assert.equal(r.refunded, 1190);
    const refusal = refusalOf(() => decideRefund(spent, r, eur(1), now));
    assert.deepEqual(refusal.extensions, { refundable: eur(0) });
  });

  test('a second full reversal is refused with refundable 0', () => {
    const first = decideRefund(spent, aRedemption(), undefined, now);
    assert.equal(first.amount, 1190);
    const refusal = refusalOf(() =>
      decideRefund(spent, aRedemption({ refunded: first.amount }), undefined, now),
    );
    assert.equal(refusal.code, 'refund_exceeds_redemption');
    assert.deepEqual(refusal.extensions, { refundable: eur(0) });
  });

  test('an expired or canceled voucher takes no refund (LC-05, LC-09)', () => {
    assert.equal(
      outcomeOf(() => decideRefund(aVoucher({ expiresAt: expiredAt }), aRedemption(), undefined, now)),
      'voucher_expired',
    );
    assert.equal(
      outcomeOf(() => decideRefund(aVoucher({ state: 'canceled' }), aRedemption(), undefined, now)),
      'voucher_canceled',
    );
  });

  test('a redeemed voucher past its validity takes no refund either (LC-05)', () => {
    const v = aVoucher({ state: 'redeemed', balance: 0, used: true, expiresAt: expiredAt });
    assert.equal(
      outcomeOf(() => decideRefund(v, aRedemption(), undefined, now)),
      'voucher_expired',
    );
  });

  test('another currency is currency_mismatch', () => {
    const refusal = refusalOf(() =>
      decideRefund(spent, aRedemption(), { amount: 100, currency: 'SEK' }, now),
    );
    assert.equal(refusal.code, 'currency_mismatch');
  });

  test('for any sequence of asked refunds, the accepted ones never add up beyond the redemption', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }), { maxLength: 20 }),
        (taken, asks) => {
          let r = aRedemption({ amount: taken });
          for (const ask of asks) {
            const refundable = taken - r.refunded;
            try {
              const { amount } = decideRefund(spent, r, ask === undefined ? undefined : eur(ask), now);
              assert.equal(amount, ask ?? refundable);
              r = { ...r, refunded: r.refunded + amount };
            } catch (error) {
              if (!(error instanceof Refusal)) throw error;
              assert.equal(error.code, 'refund_exceeds_redemption');
              assert.ok(ask === undefined ? refundable === 0 : ask > refundable);
            }
            assert.ok(r.refunded <= taken);
          }
        },
      ),
    );
  });
});
