import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { debit } from '../../reference-impl/domain/debit.ts';
import { policies } from '../../spec/capabilities.ts';
import { aVoucher } from './voucher-fixtures.ts';

describe('debit: the effect of taking money off a voucher', () => {
  test('redeem entire: a 20.00 voucher on an 11.90 receipt leaves a new 8.10 voucher (CC-04, seed 001)', () => {
    const v = aVoucher({ policy: 'redeem-entire', balance: 2000, denomination: 2000 });
    assert.deepEqual(debit(v, 1190), { amount: 1190, balanceAfter: 0, remainder: 810, state: 'redeemed' });
  });

  test('redeem entire: taking it all leaves no remainder', () => {
    const v = aVoucher({ policy: 'redeem-entire', balance: 2000 });
    assert.deepEqual(debit(v, 2000), { amount: 2000, balanceAfter: 0, remainder: 0, state: 'redeemed' });
  });

  test('redeem entire: the voucher is used up even when its type allows top-ups', () => {
    const v = aVoucher({ policy: 'redeem-entire', reusable: true, topUpAllowed: true, balance: 2000 });
    assert.equal(debit(v, 500).state, 'redeemed');
    assert.equal(debit(v, 500).balanceAfter, 0);
  });

  test('one-time: redeemed after the first use, whatever is left (LC-07)', () => {
    const v = aVoucher({ reusable: false, balance: 2000 });
    assert.deepEqual(debit(v, 500), { amount: 500, balanceAfter: 1500, remainder: 0, state: 'redeemed' });
  });

  test('reusable: stays activated while money is left, redeemed at zero (LC-07)', () => {
    const v = aVoucher({ reusable: true, topUpAllowed: false, balance: 2000 });
    assert.deepEqual(debit(v, 500), { amount: 500, balanceAfter: 1500, remainder: 0, state: 'activated' });
    assert.deepEqual(debit(v, 2000), { amount: 2000, balanceAfter: 0, remainder: 0, state: 'redeemed' });
  });

  test('top-up allowed: a voucher spent to zero stays activated, ready for a load (LC-10, LC-11)', () => {
    const v = aVoucher({ reusable: true, topUpAllowed: true, balance: 2000 });
    assert.deepEqual(debit(v, 2000), { amount: 2000, balanceAfter: 0, remainder: 0, state: 'activated' });
  });

  test('what is taken, what is left and the remainder always add up to the balance before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (policy, reusable, topUpAllowed, balance, share) => {
          const amount = Math.max(1, Math.floor(balance * share));
          const d = debit(aVoucher({ policy, reusable, topUpAllowed, balance }), amount);
          assert.equal(d.amount + d.balanceAfter + d.remainder, balance);
          assert.ok(d.balanceAfter >= 0 && d.remainder >= 0);
          assert.ok(d.state === 'activated' || d.state === 'redeemed');
          if (policy !== 'redeem-entire') assert.equal(d.remainder, 0);
        },
      ),
    );
  });
});
