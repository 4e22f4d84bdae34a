import { currencyMinorUnits } from '../../../spec/currencies.ts';
import { distinctMoneyEffects } from '../../checkers/money-effect.ts';
import { type FinalLedgers, initialFunds } from '../../history/final-ledger.ts';
import { type HoldFacts, holdFacts } from '../../history/hold-index.ts';
import { remainderAmount } from '../../history/op-fields.ts';
import type { History, Operation } from '../../history/operation.ts';
import { formatMoney } from '../../money/money-text.ts';

/**
 * One voucher's money over a run, as money-bounds sees it: its funds (the initial funds plus credits
 * acknowledged or possibly made) and its acknowledged debits, each as a step function of time (µs).
 * Debits above funds at any time is an overspend.
 */
export interface VoucherMoney {
  voucher: string;
  /** The currency its amounts name, null when none does. */
  currency: string | null;
  /** Initial funds in minor units, null when neither the history nor the ledgers tell. */
  funds: number | null;
  /** Acknowledged debits (with any remainder voucher issued), in minor units, and how many. */
  debits: number;
  debitCount: number;
  /** Credits acknowledged, and those whose outcome is unknown (counted in the funds: they may have happened). */
  credits: number;
  maybeCredits: number;
  fundSteps: Array<[number, number]>;
  debitSteps: Array<[number, number]>;
}

function currencyIn(value: unknown): string | null {
  const currency = (value as { currency?: unknown } | null)?.currency;
  return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : null;
}

/** The first currency that a request or answer of the operation names. */
export function currencyOf(op: Operation): string | null {
  const result = op.result as Record<string, unknown> | null;
  return (
    currencyIn(op.args.amount) ??
    currencyIn(result?.amount) ??
    currencyIn(result?.balance) ??
    currencyIn(result?.balanceAfter) ??
    null
  );
}

/** Minor units as text: major units with the currency ("8.10 EUR"), or "810 (minor units)" without one. */
export function moneyText(amount: number, currency: string | null): string {
  return currency ? formatMoney({ amount, currency }) : `${amount} (minor units)`;
}

/** Digits of the currency's minor unit (2 when unknown, as formatMoney). */
export function minorDigits(currency: string | null): number {
  return currency ? (currencyMinorUnits[currency] ?? 2) : 0;
}

/** The money of one voucher from its operations (`indices`, in history order); `start` is time zero. */
export function voucherMoney(
  history: History,
  voucher: string,
  indices: readonly number[],
  start: number,
  ledgers?: FinalLedgers,
): VoucherMoney {
  const { ops, meta } = history;
  const holds = new Map<string, HoldFacts>();
  let currency: string | null = currencyIn(ledgers?.get(voucher)?.initial);
  for (const index of indices) {
    const op = ops[index] as Operation;
    currency ??= currencyOf(op);
    const facts = holdFacts(op, index, meta);
    if (facts && !holds.has(facts.id)) holds.set(facts.id, facts);
  }
  const funds = initialFunds(voucher, meta, ledgers);
  const money: VoucherMoney = {
    voucher,
    currency,
    funds,
    debits: 0,
    debitCount: 0,
    credits: 0,
    maybeCredits: 0,
    fundSteps: [],
    debitSteps: [[start, 0]],
  };
  const fundChanges: Array<[number, number]> = [];
  const debitChanges: Array<[number, number]> = [];
  for (const { op, effect } of distinctMoneyEffects(ops, indices, holds)) {
    if (effect.amount === null) continue;
    if (effect.direction === 'credit') {
      // A credit that may have happened counts from its call: funds are an upper bound, as for money-bounds.
      if (op.completion === 'info') money.maybeCredits += effect.amount;
      else money.credits += effect.amount;
      fundChanges.push([op.completion === 'info' ? op.invokedAt : op.completedAt, effect.amount]);
    } else if (op.completion === 'ok') {
      const amount = effect.amount + remainderAmount(op);
      money.debits += amount;
      money.debitCount += 1;
      debitChanges.push([op.completedAt, amount]);
    }
  }
  money.debitSteps.push(...runningTotal(debitChanges, 0));
  if (funds !== null) money.fundSteps = [[start, funds], ...runningTotal(fundChanges, funds)];
  return money;
}

/** Changes (time, amount) as a running total from `from`, by time. */
function runningTotal(changes: Array<[number, number]>, from: number): Array<[number, number]> {
  changes.sort((a, b) => a[0] - b[0]);
  let total = from;
  return changes.map(([time, amount]) => {
    total += amount;
    return [time, total];
  });
}
