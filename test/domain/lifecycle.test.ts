import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertTopUpAllowed,
  decideTransition,
  type LifecycleAction,
} from '../../reference-impl/domain/lifecycle.ts';
import { Refusal } from '../../reference-impl/domain/refusal.ts';
import type { VoucherRecord } from '../../reference-impl/domain/voucher.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import { voucherStates } from '../../spec/schemas/voucher.ts';
import { aVoucher, expiredAt, now, refusalOf } from './voucher-fixtures.ts';

/** An unused voucher whose effective state at `now` is `state` (expired: activated past its validity). */
function inState(state: VoucherState): VoucherRecord {
  if (state === 'expired') return aVoucher({ state: 'activated', expiresAt: expiredAt });
  return aVoucher({ state, activatedAt: state === 'prepared' ? null : now });
}

const actions: readonly LifecycleAction[] = [
  'startSale',
  'completeSale',
  'cancelSale',
  'startReturn',
  'completeReturn',
  'cancelReturn',
  'cancel',
  'restore',
  'setValidity',
];

/**
 * The expected outcome of each action from each state, written from DOMAIN.md (LC-03, LC-05, LC-06, LC-08,
 * LC-09, LC-13), not read off the implementation: a next state, 'unchanged' (the action keeps the stored
 * state, or the caller decides it), or the refusal code. Pairs not listed are illegal_transition.
 */
const expected: Record<LifecycleAction, Partial<Record<VoucherState, string>>> = {
  startSale: { prepared: 'activating', expired: 'voucher_expired', canceled: 'voucher_canceled' },
  completeSale: { activating: 'activated', canceled: 'voucher_canceled' },
  cancelSale: { activating: 'prepared', canceled: 'voucher_canceled' },
  startReturn: { activated: 'refunding', expired: 'voucher_expired', canceled: 'voucher_canceled' },
  completeReturn: { refunding: 'unchanged', canceled: 'voucher_canceled' },
  cancelReturn: { refunding: 'activated', canceled: 'voucher_canceled' },
  cancel: {
    prepared: 'canceled',
    activating: 'canceled',
    activated: 'canceled',
    refunding: 'canceled',
    expired: 'canceled',
  },
  restore: { canceled: 'prepared' },
  setValidity: {
    prepared: 'unchanged',
    activated: 'unchanged',
    expired: 'unchanged',
    canceled: 'voucher_canceled',
  },
};

function outcome(v: VoucherRecord, action: LifecycleAction): string {
  try {
    const next = decideTransition(v, action, now);
    return next === v.state ? 'unchanged' : next;
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
}

describe('decideTransition: every action from every state (LC-13)', () => {
  for (const action of actions) {
    for (const state of voucherStates) {
      const want = expected[action][state] ?? 'illegal_transition';
      test(`${action} from ${state}: ${want}`, () => {
        const v = inState(state);
        const before = structuredClone(v);
        assert.equal(outcome(v, action), want);
        assert.deepEqual(v, before, 'deciding never changes the voucher');
      });
    }
  }

  test('a refusal names the state and the action', () => {
    const refusal = refusalOf(() => decideTransition(inState('redeemed'), 'startSale', now));
    assert.equal(refusal.code, 'illegal_transition');
    assert.deepEqual(refusal.extensions, { state: 'redeemed', action: 'startSale' });
  });

  test('a prepared voucher past its validity cannot be sold: voucher_expired (LC-05)', () => {
    const v = aVoucher({ state: 'prepared', activatedAt: null, expiresAt: expiredAt });
    assert.equal(refusalOf(() => decideTransition(v, 'startSale', now)).code, 'voucher_expired');
  });

  test('validity can be set on an expired voucher, which keeps its stored state (LC-05)', () => {
    const v = aVoucher({ state: 'prepared', expiresAt: expiredAt });
    assert.equal(decideTransition(v, 'setValidity', now), 'prepared');
  });
});

describe('startReturn: only an unused voucher can be refunded (LC-08)', () => {
  test('a voucher that has been used is illegal_transition', () => {
    const v = aVoucher({ used: true, balance: 2000 });
    assert.equal(refusalOf(() => decideTransition(v, 'startReturn', now)).code, 'illegal_transition');
  });

  test('a voucher whose balance differs from its denomination is illegal_transition', () => {
    const v = aVoucher({ used: false, balance: 1500, denomination: 2000 });
    assert.equal(refusalOf(() => decideTransition(v, 'startReturn', now)).code, 'illegal_transition');
  });

  test('a voucher held by an open receipt is voucher_in_use', () => {
    const v = aVoucher({ openHolds: 1, held: 500 });
    assert.equal(refusalOf(() => decideTransition(v, 'startReturn', now)).code, 'voucher_in_use');
  });
});

describe('assertTopUpAllowed (LC-11)', () => {
  test('a reusable voucher whose type allows top-ups may be loaded', () => {
    assert.doesNotThrow(() => assertTopUpAllowed(aVoucher({ reusable: true, topUpAllowed: true })));
  });

  test('a one-time voucher, or a type without top-ups, is top_up_not_allowed', () => {
    for (const v of [
      aVoucher({ reusable: false, topUpAllowed: true }),
      aVoucher({ reusable: true, topUpAllowed: false }),
      aVoucher({ reusable: false, topUpAllowed: false }),
    ]) {
      assert.equal(refusalOf(() => assertTopUpAllowed(v)).code, 'top_up_not_allowed');
    }
  });
});
