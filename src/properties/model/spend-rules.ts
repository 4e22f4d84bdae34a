import { everyRefusal, firstRefusal, type Refusal } from './refusal.ts';
import {
  effectiveState,
  holdExpired,
  liveHolds,
  type ModelHold,
  type ModelVoucher,
  spendable,
  type VoucherModel,
} from './voucher-model.ts';

/** LC-05, LC-07, LC-09, LC-13: may the voucher pay (or be loaded) now, and if not, which code says why. */
export function spendRefusal(m: VoucherModel, v: ModelVoucher): Refusal {
  const state = effectiveState(m, v);
  if (state === 'activated') return null;
  if (state === 'expired') return 'voucher_expired';
  if (state === 'canceled') return 'voucher_canceled';
  if (state === 'redeemed') return 'voucher_redeemed';
  return 'voucher_not_active';
}

const currencyRefusal = (v: ModelVoucher, currency: string | undefined): Refusal =>
  currency !== undefined && currency !== v.currency ? 'currency_mismatch' : null;

/**
 * Refusals as true as the predicted one: a reusable voucher used down to zero is redeemed (LC-07), and a
 * new use of it is just as truly more than it can spend; a system without a redeemed state says so.
 */
export function equallyTrue(v: ModelVoucher, predicted: Refusal): Refusal[] {
  return predicted === 'voucher_redeemed' && usedUp(v) ? ['insufficient_balance'] : [];
}

/**
 * A reusable voucher used down to zero: redeemed by LC-07 in a system with that lifecycle state, still an
 * active card with nothing left in one without it (a commerce platform's gift card).
 */
export function usedUp(v: ModelVoucher): boolean {
  return v.kind.reusable && v.balance === 0;
}

/** A new use of `amount` (a hold, or a one-step redemption): CC-01..04, RD-03, RD-08. */
export function useRefusal(m: VoucherModel, v: ModelVoucher, amount: number, currency: string): Refusal {
  return firstRefusal(...useChecks(m, v, amount, currency));
}

/** Every refusal of a new use that applies (the first is the reference's), and those as true as they. */
export function useRefusalsAllowed(
  m: VoucherModel,
  v: ModelVoucher,
  amount: number,
  currency: string,
): Refusal[] {
  const all = everyRefusal(...useChecks(m, v, amount, currency));
  return [...all, ...all.flatMap((code) => equallyTrue(v, code))];
}

function useChecks(m: VoucherModel, v: ModelVoucher, amount: number, currency: string) {
  const exclusive = v.kind.policy === 'exclusive-hold' || v.kind.policy === 'redeem-entire';
  return [
    () => spendRefusal(m, v),
    () => currencyRefusal(v, currency),
    () => (exclusive && liveHolds(m, v).length > 0 ? 'voucher_in_use' : null),
    () => (amount > spendable(m, v) ? 'insufficient_balance' : null),
  ] as Array<() => Refusal>;
}

/** The second phase of a hold: RD-02, RD-04, and at most the held amount. */
export function captureRefusal(
  m: VoucherModel,
  v: ModelVoucher,
  h: ModelHold,
  amount: number | undefined,
  currency: string | undefined,
): Refusal {
  const taken = amount ?? h.amount;
  return firstRefusal(
    () => (holdExpired(m, h) ? 'hold_expired' : null),
    () => (h.status !== 'open' ? 'hold_not_open' : null),
    () => spendRefusal(m, v),
    () => currencyRefusal(v, currency),
    () => (taken > h.amount ? 'capture_exceeds_hold' : null),
    // Balance guard checks at finalization against what others' reserving holds leave (none reserve).
    () => (taken > (h.reserves ? v.balance : spendable(m, v)) ? 'insufficient_balance' : null),
  );
}

export function releaseRefusal(m: VoucherModel, h: ModelHold): Refusal {
  return firstRefusal(
    () => (holdExpired(m, h) ? 'hold_expired' : null),
    () => (h.status !== 'open' ? 'hold_not_open' : null),
  );
}

/** LC-11: loads need a reusable voucher whose type allows them, that can pay now, in its currency. */
export function topUpRefusal(m: VoucherModel, v: ModelVoucher, currency: string): Refusal {
  return firstRefusal(
    () => (!v.kind.reusable || !v.kind.topUpAllowed ? 'top_up_not_allowed' : null),
    () => spendRefusal(m, v),
    () => currencyRefusal(v, currency),
  );
}
