import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../simulators/fleet/seeded-random.ts';
import { behaviours, defaultMix, planBasket } from '../../simulators/pos/behaviour.ts';

const limits = {
  vouchers: ['a', 'b'],
  minAmount: 100,
  maxAmount: 1000,
  thinkMs: [0, 40] as const,
  reverseShare: 0.3,
};
const plans = (seed: number, label: string) => {
  const random = seededRandom(seed).fork(label);
  return Array.from({ length: 200 }, () => planBasket(random, defaultMix, limits));
};

test('a seed replays the same baskets for each counter; another seed or counter does not', () => {
  assert.deepEqual(plans(7, 'pos-1'), plans(7, 'pos-1'));
  assert.notDeepEqual(plans(7, 'pos-1'), plans(8, 'pos-1'));
  assert.notDeepEqual(plans(7, 'pos-1'), plans(7, 'pos-2'));
});

test('every behaviour of the mix occurs, amounts stay in bounds in steps of 50', () => {
  const seen = plans(3, 'pos-1');
  for (const behaviour of behaviours)
    assert.ok(
      seen.some((p) => p.behaviour === behaviour),
      behaviour,
    );
  for (const plan of seen) {
    assert.ok(
      plan.amount >= 100 && plan.amount <= 1000 && (plan.amount - 100) % 50 === 0,
      String(plan.amount),
    );
    assert.ok(limits.vouchers.includes(plan.voucher));
  }
});

test('a behaviour with weight 0 never occurs', () => {
  const random = seededRandom(1);
  const only = Array.from({ length: 100 }, () => planBasket(random, { pay: 1, abandon: 0 }, limits));
  assert.ok(only.every((p) => p.behaviour === 'pay'));
});
