import type { SeededRandom } from '../fleet/seeded-random.ts';
import { type BasketPlan, type BehaviourMix, planBasket } from './behaviour.ts';
import { workBasket } from './cashier-flow.ts';
import type { ChannelProfile, CounterContext } from './counter-context.ts';

/** A POS register: short holds and a quick cashier. */
export const posProfile: ChannelProfile = {
  role: 'pos',
  channel: 'pos',
  store: 'S1',
  holdTtlSeconds: 2,
  thinkMs: [0, 40],
};

export interface TerminalOptions {
  context: CounterContext;
  random: SeededRandom;
  mix: BehaviourMix;
  vouchers: readonly string[];
  minAmount: number;
  maxAmount: number;
  /** Share of timeouts the cashier answers by reversing the payment (default 0.3). */
  reverseShare?: number;
}

/** A counter that works baskets one after another; every plan it made is kept, for replay checks. */
export interface Terminal {
  readonly name: string;
  readonly plans: BasketPlan[];
  nextBasket(): Promise<void>;
}

/** A POS terminal (or, with the web shop's profile, a web shop checkout) driven by its seeded stream. */
export function createTerminal(options: TerminalOptions): Terminal {
  const { context, random } = options;
  const plans: BasketPlan[] = [];
  return {
    name: context.name,
    plans,
    async nextBasket() {
      const plan = planBasket(random, options.mix, {
        vouchers: options.vouchers,
        minAmount: options.minAmount,
        maxAmount: options.maxAmount,
        thinkMs: context.profile.thinkMs,
        reverseShare: options.reverseShare ?? 0.3,
      });
      plans.push(plan);
      await workBasket(context, plan, `${context.name}-${plans.length}`);
    },
  };
}
