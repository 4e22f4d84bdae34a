import fc from 'fast-check';

/**
 * How a command chooses an amount relative to what the model says is there (spendable balance, held
 * amount, refundable amount): all of it, a part, one minor unit, one more than all, or a fixed figure.
 * Relative picks reach the boundaries that fixed amounts almost never hit.
 */
export type AmountPick = 'all' | 'half' | 'one' | 'over' | { fixed: number };

export const amountPick: fc.Arbitrary<AmountPick> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<AmountPick>('all', 'half', 'one', 'over') },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 5000 }).map((fixed) => ({ fixed })) },
);

/** The amount a pick means against `base`; never below one minor unit (the contract's minimum). */
export function resolveAmount(pick: AmountPick, base: number): number {
  if (pick === 'all') return Math.max(1, base);
  if (pick === 'half') return Math.max(1, Math.floor(base / 2));
  if (pick === 'one') return 1;
  if (pick === 'over') return base + 1;
  return pick.fixed;
}

export const showPick = (pick: AmountPick): string => (typeof pick === 'string' ? pick : String(pick.fixed));

/** Mostly the vouchers' currency; sometimes another, for RD-08's currency_mismatch. */
export const currencyPick: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.constant('EUR') },
  { weight: 1, arbitrary: fc.constant('USD') },
);
