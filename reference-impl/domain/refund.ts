import type { VoucherState } from '../../spec/schemas/voucher.ts';
import { type Faults, noFaults } from '../faults.ts';
import { refuse } from './refusal.ts';
import { assertCurrency } from './spendable.ts';
import { effectiveState, type VoucherRecord } from './voucher.ts';

export interface RedemptionRecord {
  id: string;
  voucherId: string;
  amount: number;
  refunded: number;
}

/**
 * RD-05: credit back part or all of what a redemption took. Refunds add up to at most the redemption;
 * a refund without an amount takes all that is left, so a second full reversal credits nothing.
 */
export function decideRefund(
  v: VoucherRecord,
  r: RedemptionRecord,
  money: { amount: number; currency: string } | undefined,
  now: Date,
  faults: Faults = noFaults,
): { amount: number; state: VoucherState } {
  const state = effectiveState(v, now);
  // LC-05: past its validity a voucher takes no refund, whatever state its last use left it in.
  const expired = state === 'expired' || (state === 'redeemed' && now >= v.expiresAt);
  if (expired && !faults.refundIgnoresExpiry)
    refuse('voucher_expired', `voucher ${v.number} has expired`, { state });
  if (state === 'canceled') refuse('voucher_canceled', `voucher ${v.number} was canceled`, { state });
  if (money) assertCurrency(v, money.currency);
  const refundable = r.amount - r.refunded;
  const amount = money?.amount ?? refundable;
  if (amount === 0 || amount > refundable) {
    refuse('refund_exceeds_redemption', `${amount} asked, ${refundable} ${v.currency} left to refund`, {
      refundable: { amount: refundable, currency: v.currency },
    });
  }
  // A reusable voucher that the redemption had used up can pay again; a one-time voucher (LC-07)
  // only once its one use is fully reversed.
  const reopens = v.state === 'redeemed' && (v.reusable || amount === refundable);
  return { amount, state: reopens ? 'activated' : v.state };
}
