import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  decideCapture,
  decideHold,
  decideRelease,
  type HoldRecord,
} from '../../reference-impl/domain/redemption.ts';
import { Refusal } from '../../reference-impl/domain/refusal.ts';
import type { Policy } from '../../spec/capabilities.ts';
import { policies } from '../../spec/capabilities.ts';
import { aHold, aVoucher, eur, now } from './voucher-fixtures.ts';

/** A step of a run on one voucher: open a hold, or capture (all or part) or release the n-th open one. */
type Step =
  | { kind: 'hold'; amount: number }
  | { kind: 'capture'; pick: number; part: number | null }
  | { kind: 'release'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('hold' as const), amount: fc.integer({ min: 1, max: 2500 }) }),
  fc.record({
    kind: fc.constant('capture' as const),
    pick: fc.nat(),
    part: fc.option(fc.integer({ min: 1, max: 2500 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
);

/**
 * Drives the pure core the way the service does (decide, then apply) and checks after every step that
 * no money is spent twice: captured never exceeds the start balance, and reserved holds never exceed it.
 */
function run(policy: Policy, start: number, steps: Step[]) {
  const v = aVoucher({ policy, balance: start, denomination: start, reusable: true, topUpAllowed: true });
  const open: HoldRecord[] = [];
  let captured = 0;
  let maxOpen = 0;
  const refusals: string[] = [];
  for (const s of steps) {
    try {
      if (s.kind === 'hold') {
        const d = decideHold(v, eur(s.amount), now);
        open.push(
          aHold({ id: `h-${open.length}`, amount: d.amount, reserves: d.reserves, expiresAt: d.expiresAt }),
        );
        v.openHolds += 1;
        if (d.reserves) v.held += d.amount;
      } else if (open.length > 0) {
        const hold = open.splice(s.pick % open.length, 1)[0] as HoldRecord;
        if (s.kind === 'capture') {
          const part = s.part === null ? undefined : eur(Math.min(s.part, hold.amount));
          let amount: number;
          try {
            amount = decideCapture(v, hold, part, now);
          } catch (error) {
            open.push(hold); // a refused capture changes nothing: the hold stays open
            throw error;
          }
          v.balance -= amount;
          captured += amount;
        } else {
          decideRelease(hold, now);
        }
        v.openHolds -= 1;
        if (hold.reserves) v.held -= hold.amount;
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refusals.push(error.code);
    }
    maxOpen = Math.max(maxOpen, open.length);
    assert.ok(captured <= start, `captured ${captured} of ${start}`);
    assert.equal(v.balance, start - captured);
    assert.ok(v.held <= v.balance, `held ${v.held} exceeds balance ${v.balance}`);
    assert.equal(
      v.held,
      open.filter((h) => h.reserves).reduce((sum, h) => sum + h.amount, 0),
    );
  }
  return { captured, maxOpen, refusals };
}

const steps = fc.array(step, { maxLength: 40 });
const start = fc.integer({ min: 0, max: 5000 });

describe('money never moves twice, whatever the sequence of holds, captures and releases (RD-03)', () => {
  test('under every policy, captures never exceed the start balance and reservations stay within it', () => {
    fc.assert(fc.property(fc.constantFrom(...policies), start, steps, (p, s, ss) => void run(p, s, ss)));
  });

  test('amount-holds: the accepted holds never sum beyond the balance, and refusals are insufficient_balance', () => {
    fc.assert(
      fc.property(start, fc.array(fc.integer({ min: 1, max: 2500 }), { maxLength: 30 }), (s, amounts) => {
        const { refusals } = run(
          'amount-holds',
          s,
          amounts.map((amount) => ({ kind: 'hold', amount })),
        );
        assert.ok(refusals.every((code) => code === 'insufficient_balance'));
      }),
    );
  });

  test('exclusive-hold and redeem-entire: never more than one open hold', () => {
    fc.assert(
      fc.property(fc.constantFrom<Policy>('exclusive-hold', 'redeem-entire'), start, steps, (p, s, ss) => {
        const { maxOpen, refusals } = run(p, s, ss);
        assert.ok(maxOpen <= 1, `${maxOpen} holds open at once`);
        assert.ok(refusals.every((code) => code === 'voucher_in_use' || code === 'insufficient_balance'));
      }),
    );
  });

  test('balance-guard: every receipt may select, the late finalizers get insufficient_balance (CC-01)', () => {
    fc.assert(
      fc.property(start, fc.array(fc.integer({ min: 1, max: 2500 }), { maxLength: 20 }), (s, amounts) => {
        const affordable = amounts.filter((a) => a <= s);
        const holds: Step[] = affordable.map((amount) => ({ kind: 'hold', amount }));
        const captures: Step[] = affordable.map(() => ({ kind: 'capture', pick: 0, part: null }));
        const { refusals } = run('balance-guard', s, [...holds, ...captures]);
        assert.ok(refusals.every((code) => code === 'insufficient_balance'));
      }),
    );
  });
});

describe('decideCapture never returns more than the hold or the balance', () => {
  test('for any voucher, hold and asked amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        (policy, balance, held, holdAmount, reserves, asked) => {
          const v = aVoucher({ policy, balance, held, openHolds: 1 });
          const hold = aHold({ amount: holdAmount, reserves });
          let amount: number;
          try {
            amount = decideCapture(v, hold, asked === undefined ? undefined : eur(asked), now);
          } catch (error) {
            if (error instanceof Refusal) return;
            throw error;
          }
          assert.ok(amount <= holdAmount, `captured ${amount} of a ${holdAmount} hold`);
          assert.ok(amount <= balance, `captured ${amount} of a ${balance} balance`);
          assert.ok(amount >= 1);
          if (asked !== undefined) assert.equal(amount, asked);
        },
      ),
    );
  });
});
