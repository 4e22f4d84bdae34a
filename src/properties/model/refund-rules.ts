import { firstRefusal, type Refusal } from './refusal.ts';
import {
  effectiveState,
  type ModelRedemption,
  type ModelVoucher,
  type VoucherModel,
} from './voucher-model.ts';

/** RD-05, LC-05: refunds add up to at most the redemption; none past validity or on a canceled voucher. */
export function refundRefusal(
  m: VoucherModel,
  v: ModelVoucher,
  r: ModelRedemption,
  amount: number | undefined,
  currency: string | undefined,
): Refusal {
  const state = effectiveState(m, v);
  const refundable = r.amount - r.refunded;
  const asked = amount ?? refundable;
  return firstRefusal(
    () => (state === 'expired' || (state === 'redeemed' && m.now >= v.expiresAt) ? 'voucher_expired' : null),
    () => (state === 'canceled' ? 'voucher_canceled' : null),
    () => (currency !== undefined && currency !== v.currency ? 'currency_mismatch' : null),
    () => (asked === 0 || asked > refundable ? 'refund_exceeds_redemption' : null),
  );
}

/**
 * Credits the voucher. A reusable voucher the redemption had used up can pay again; a one-time voucher
 * (LC-07) only once its one use is fully reversed. Returns the amount credited.
 */
export function applyRefund(v: ModelVoucher, r: ModelRedemption, amount: number | undefined): number {
  const refundable = r.amount - r.refunded;
  const credited = amount ?? refundable;
  const reopens = v.state === 'redeemed' && (v.kind.reusable || credited === refundable);
  v.balance += credited;
  r.refunded += credited;
  if (reopens) v.state = 'activated';
  return credited;
}
