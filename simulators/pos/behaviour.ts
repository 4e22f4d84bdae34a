import type { SeededRandom } from '../fleet/seeded-random.ts';

/** What a cashier (or web shop customer) does with one basket. */
export const behaviours = [
  /** look the voucher up, hold, capture */
  'pay',
  /** hold, then release (the customer pays another way) */
  'release',
  /** hold and walk away: the hold must expire by itself */
  'abandon',
  /** hold, then press pay twice: two captures with one idempotency key, the second while the first is in flight */
  'double-pay',
  /** pay, then the goods come back: refund the redemption */
  'return',
  /** one-step redemption without a hold */
  'redeem',
  /** hold, then two captures of it at once under different keys (two registers closing one basket) */
  'split-capture',
  /** load value onto the voucher (a top-up sold at the counter) while others spend it */
  'top-up',
] as const;
export type Behaviour = (typeof behaviours)[number];

/** What the cashier does when an answer does not come: send it again with the same key, or reverse the payment. */
export type TimeoutReaction = 'retry' | 'reverse';

/** Relative weights of the behaviours; a weight of 0 (or absent) switches a behaviour off. */
export type BehaviourMix = Partial<Record<Behaviour, number>>;

export const defaultMix: BehaviourMix = {
  pay: 6,
  release: 2,
  abandon: 1,
  'double-pay': 1,
  return: 1,
  redeem: 1,
  'split-capture': 1,
  'top-up': 1,
};

/** One basket, decided up front from the client's own seeded stream (so a seed replays the same plans). */
export interface BasketPlan {
  behaviour: Behaviour;
  voucher: string;
  amount: number;
  onTimeout: TimeoutReaction;
  /** Milliseconds between hold and capture (the cashier scanning, the customer filling in a form). */
  thinkMs: number;
}

export interface PlanLimits {
  vouchers: readonly string[];
  minAmount: number;
  maxAmount: number;
  thinkMs: readonly [number, number];
  /** Share of timeouts answered by a reversal instead of a plain retry. */
  reverseShare: number;
}

export function pickBehaviour(random: SeededRandom, mix: BehaviourMix): Behaviour {
  const weighted = behaviours.map((b) => [b, Math.max(0, mix[b] ?? 0)] as const).filter(([, w]) => w > 0);
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  if (total === 0) throw new Error('the behaviour mix switches every behaviour off');
  let roll = random.next() * total;
  for (const [behaviour, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return behaviour;
  }
  return (weighted.at(-1) as readonly [Behaviour, number])[0];
}

export function planBasket(random: SeededRandom, mix: BehaviourMix, limits: PlanLimits): BasketPlan {
  const behaviour = pickBehaviour(random, mix);
  const steps = Math.max(0, Math.floor((limits.maxAmount - limits.minAmount) / 50));
  return {
    behaviour,
    voucher: random.pick(limits.vouchers),
    amount: limits.minAmount + 50 * random.int(steps + 1),
    onTimeout: random.chance(limits.reverseShare) ? 'reverse' : 'retry',
    thinkMs: random.between(limits.thinkMs[0], limits.thinkMs[1]),
  };
}
