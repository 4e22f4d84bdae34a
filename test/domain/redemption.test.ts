import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertCanUse,
  decideCapture,
  decideHold,
  decideRelease,
  holdReserves,
} from '../../reference-impl/domain/redemption.ts';
import { aHold, aVoucher, eur, expiredAt, now, outcomeOf, refusalOf } from './voucher-fixtures.ts';

const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('decideHold: the first phase (RD-02, RD-04)', () => {
  test('holds the asked amount until now plus the type time-to-live', () => {
    const decided = decideHold(aVoucher({ holdTtlSeconds: 900 }), eur(1190), now);
    assert.equal(decided.amount, 1190);
    assert.deepEqual(decided.expiresAt, later(900));
  });

  test('a time-to-live in the request overrides the type default', () => {
    assert.deepEqual(decideHold(aVoucher({ holdTtlSeconds: 900 }), eur(100), now, 30).expiresAt, later(30));
  });

  test('only balance-guard holds leave the money unreserved', () => {
    assert.equal(holdReserves(aVoucher({ policy: 'balance-guard' })), false);
    for (const policy of ['exclusive-hold', 'amount-holds', 'redeem-entire'] as const) {
      assert.equal(holdReserves(aVoucher({ policy })), true, policy);
      assert.equal(decideHold(aVoucher({ policy }), eur(100), now).reserves, true, policy);
    }
    assert.equal(decideHold(aVoucher({ policy: 'balance-guard' }), eur(100), now).reserves, false);
  });

  test('refuses an unusable voucher, another currency, or more than is available', () => {
    assert.equal(
      outcomeOf(() => decideHold(aVoucher({ state: 'prepared' }), eur(1), now)),
      'voucher_not_active',
    );
    assert.equal(
      outcomeOf(() => decideHold(aVoucher({ expiresAt: expiredAt }), eur(1), now)),
      'voucher_expired',
    );
    assert.equal(
      outcomeOf(() => decideHold(aVoucher(), { amount: 1, currency: 'USD' }, now)),
      'currency_mismatch',
    );
    const refusal = refusalOf(() => decideHold(aVoucher({ balance: 2000 }), eur(2001), now));
    assert.equal(refusal.code, 'insufficient_balance');
    assert.deepEqual(refusal.extensions.available, eur(2000));
  });
});

describe('assertCanUse per concurrency policy (CC-01..04)', () => {
  test('balance-guard: any number of receipts may select the voucher at once (CC-01)', () => {
    const v = aVoucher({ policy: 'balance-guard', openHolds: 3, held: 0 });
    assert.doesNotThrow(() => assertCanUse(v, eur(2000), now));
  });

  test('exclusive-hold: a second use while one receipt holds the voucher is voucher_in_use (CC-02)', () => {
    const free = aVoucher({ policy: 'exclusive-hold' });
    assert.doesNotThrow(() => assertCanUse(free, eur(100), now));
    const held = aVoucher({ policy: 'exclusive-hold', openHolds: 1, held: 100 });
    assert.equal(refusalOf(() => assertCanUse(held, eur(100), now)).code, 'voucher_in_use');
  });

  test('exclusive-hold: voucher_in_use even for an amount the balance could cover twice', () => {
    const held = aVoucher({ policy: 'exclusive-hold', balance: 2000, openHolds: 1, held: 1 });
    assert.equal(refusalOf(() => assertCanUse(held, eur(1), now)).code, 'voucher_in_use');
  });

  test('amount-holds: holds coexist while their sum stays within the balance (CC-03)', () => {
    const v = aVoucher({ policy: 'amount-holds', balance: 2000, held: 1500, openHolds: 2 });
    assert.doesNotThrow(() => assertCanUse(v, eur(500), now));
    const refusal = refusalOf(() => assertCanUse(v, eur(501), now));
    assert.equal(refusal.code, 'insufficient_balance');
    assert.deepEqual(refusal.extensions.available, eur(500));
  });

  test('redeem-entire: a voucher held by one receipt is voucher_in_use for every other (CC-04)', () => {
    assert.doesNotThrow(() => assertCanUse(aVoucher({ policy: 'redeem-entire' }), eur(1190), now));
    const held = aVoucher({ policy: 'redeem-entire', openHolds: 1, held: 1190 });
    assert.equal(refusalOf(() => assertCanUse(held, eur(10), now)).code, 'voucher_in_use');
  });

  test('a redeemed voucher is refused under every policy', () => {
    for (const policy of ['balance-guard', 'exclusive-hold', 'amount-holds', 'redeem-entire'] as const) {
      const v = aVoucher({ policy, state: 'redeemed', balance: 0, used: true });
      assert.equal(
        outcomeOf(() => assertCanUse(v, eur(1), now)),
        'voucher_redeemed',
        policy,
      );
    }
  });
});

describe('decideCapture: the second phase (RD-02, RD-03)', () => {
  test('without an amount it captures the whole hold', () => {
    assert.equal(decideCapture(aVoucher(), aHold({ amount: 500 }), undefined, now), 500);
  });

  test('a partial capture takes only what is asked', () => {
    assert.equal(decideCapture(aVoucher(), aHold({ amount: 500 }), eur(300), now), 300);
  });

  test('more than the hold is capture_exceeds_hold', () => {
    assert.equal(
      refusalOf(() => decideCapture(aVoucher(), aHold({ amount: 500 }), eur(501), now)).code,
      'capture_exceeds_hold',
    );
  });

  test('an open hold past its time-to-live is hold_expired, from its expiresAt on (RD-04)', () => {
    const hold = aHold({ expiresAt: later(60) });
    assert.equal(decideCapture(aVoucher(), hold, undefined, later(59)), 500);
    assert.equal(refusalOf(() => decideCapture(aVoucher(), hold, undefined, later(60))).code, 'hold_expired');
    const swept = aHold({ status: 'expired' });
    assert.equal(refusalOf(() => decideCapture(aVoucher(), swept, undefined, now)).code, 'hold_expired');
  });

  test('a captured or released hold is hold_not_open with its status', () => {
    for (const status of ['captured', 'released'] as const) {
      const refusal = refusalOf(() => decideCapture(aVoucher(), aHold({ status }), undefined, now));
      assert.equal(refusal.code, 'hold_not_open');
      assert.equal(refusal.extensions.holdStatus, status);
    }
  });

  test('a voucher that expired or was canceled since the hold cannot be captured', () => {
    assert.equal(
      outcomeOf(() => decideCapture(aVoucher({ expiresAt: expiredAt }), aHold(), undefined, now)),
      'voucher_expired',
    );
    assert.equal(
      outcomeOf(() => decideCapture(aVoucher({ state: 'canceled' }), aHold(), undefined, now)),
      'voucher_canceled',
    );
  });

  test('another currency is currency_mismatch', () => {
    const refusal = refusalOf(() =>
      decideCapture(aVoucher(), aHold(), { amount: 100, currency: 'GBP' }, now),
    );
    assert.equal(refusal.code, 'currency_mismatch');
  });

  test('balance-guard checks at finalization: the later of two racing receipts gets insufficient_balance (RD-03)', () => {
    // Two receipts selected 1500 of a 2000 voucher; the first captured, 500 is left.
    const v = aVoucher({ policy: 'balance-guard', balance: 500, openHolds: 1 });
    const refusal = refusalOf(() =>
      decideCapture(v, aHold({ amount: 1500, reserves: false }), undefined, now),
    );
    assert.equal(refusal.code, 'insufficient_balance');
    assert.deepEqual(refusal.extensions.available, eur(500));
  });

  test('a reserved hold may take the money it reserved, even when holds cover the whole balance', () => {
    const v = aVoucher({ policy: 'amount-holds', balance: 2000, held: 2000, openHolds: 2 });
    assert.equal(decideCapture(v, aHold({ amount: 1500, reserves: true }), undefined, now), 1500);
  });
});

describe('decideRelease', () => {
  test('an open hold can be released', () => {
    assert.doesNotThrow(() => decideRelease(aHold(), now));
  });

  test('an expired hold is hold_expired; a closed one is hold_not_open', () => {
    assert.equal(
      outcomeOf(() => decideRelease(aHold({ expiresAt: now }), now)),
      'hold_expired',
    );
    assert.equal(
      outcomeOf(() => decideRelease(aHold({ status: 'expired' }), now)),
      'hold_expired',
    );
    assert.equal(
      outcomeOf(() => decideRelease(aHold({ status: 'captured' }), now)),
      'hold_not_open',
    );
    assert.equal(
      outcomeOf(() => decideRelease(aHold({ status: 'released' }), now)),
      'hold_not_open',
    );
  });
});
