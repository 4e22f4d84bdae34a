import { type Faults, noFaults } from '../faults.ts';
import { refuse } from './refusal.ts';
import { effectiveState, type VoucherRecord } from './voucher.ts';

/** Refuses, with a distinct code per reason, a voucher that cannot pay now (LC-05, LC-07, LC-09, LC-13). */
export function assertSpendable(v: VoucherRecord, now: Date, faults: Faults = noFaults): void {
  const state = faults.ignoreExpiry
    ? v.state
    : effectiveState(v, faults.expiryADayLate ? new Date(now.getTime() - 86_400_000) : now);
  if (state === 'activated') return;
  if (state === 'expired') {
    refuse('voucher_expired', `voucher ${v.number} expired at ${v.expiresAt.toISOString()}`, { state });
  }
  if (state === 'canceled') refuse('voucher_canceled', `voucher ${v.number} was canceled`, { state });
  if (state === 'redeemed') refuse('voucher_redeemed', `voucher ${v.number} is fully redeemed`, { state });
  refuse('voucher_not_active', `voucher ${v.number} is ${state}, not activated`, { state });
}

export function assertCurrency(v: VoucherRecord, currency: string): void {
  if (currency !== v.currency) {
    refuse('currency_mismatch', `voucher is in ${v.currency}, the amount is in ${currency}`, {
      expected: v.currency,
    });
  }
}

export function insufficient(v: VoucherRecord, available: number, amount: number): never {
  return refuse('insufficient_balance', `${amount} requested, ${available} ${v.currency} available`, {
    available: { amount: available, currency: v.currency },
  });
}
