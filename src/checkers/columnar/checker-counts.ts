/**
 * The counts each checker reports, with their keys in the order the object checkers give them (the
 * summary prints them in that order). Threads add up their own; the totals are the same in any order.
 */
export const newCounts = {
  money: () => ({
    vouchers: 0,
    checked: 0,
    withoutFunds: 0,
    withoutLedger: 0,
    unknownAmounts: 0,
    infoOps: 0,
    infoHappened: 0,
    infoNotHappened: 0,
  }),
  conservation: () => ({
    vouchers: 0,
    ledgers: 0,
    withoutLedger: 0,
    entries: 0,
    matched: 0,
    infoHappened: 0,
    unexplainedCredits: 0,
  }),
  policy: () => ({ vouchers: 0, holds: 0, withoutFunds: 0, oneTimeVouchers: 0 }),
  linearizability: () => ({
    vouchers: 0,
    ops: 0,
    logicalOps: 0,
    linearizable: 0,
    notLinearizable: 0,
    unknown: 0,
    withoutFunds: 0,
    blindAnswers: 0,
    steps: 0,
  }),
};

export type MoneyCounts = ReturnType<typeof newCounts.money>;
export type ConservationCounts = ReturnType<typeof newCounts.conservation>;
export type PolicyCounts = ReturnType<typeof newCounts.policy>;
export type LinearizabilityCounts = ReturnType<typeof newCounts.linearizability>;

/** Adds `more` into `into`, key by key. */
export function addCounts<C extends Record<string, number>>(into: C, more: C): void {
  for (const key of Object.keys(more) as Array<keyof C>) (into[key] as number) += more[key] as number;
}
