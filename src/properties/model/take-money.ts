import type { ModelRedemption, ModelVoucher, VoucherModel } from './voucher-model.ts';

/**
 * Applies an accepted debit of `amount` (a capture or a one-step redemption): RD-01, LC-07, LC-10, CC-04.
 * Returns the redemption and, under redeem-entire with money left, the new remainder voucher.
 */
export function takeMoney(
  m: VoucherModel,
  v: ModelVoucher,
  amount: number,
): { redemption: ModelRedemption; remainder: ModelVoucher | null } {
  const left = v.balance - amount;
  const redemption: ModelRedemption = { ref: m.redemptions.length, voucher: v.ref, amount, refunded: 0 };
  m.redemptions.push(redemption);
  v.used = true;
  let remainder: ModelVoucher | null = null;
  if (v.kind.policy === 'redeem-entire') {
    v.balance = 0;
    v.state = 'redeemed';
    if (left > 0) {
      remainder = {
        ref: m.vouchers.length,
        kind: v.kind,
        currency: v.currency,
        denomination: left,
        balance: left,
        state: 'activated',
        used: false,
        expiresAt: v.expiresAt,
        remainderOf: v.ref,
      };
      m.vouchers.push(remainder);
    }
    return { redemption, remainder };
  }
  v.balance = left;
  // One-time vouchers are redeemed after their first use; reusable ones at zero unless top-ups keep them open.
  if (!v.kind.reusable || (left === 0 && !v.kind.topUpAllowed)) v.state = 'redeemed';
  return { redemption, remainder };
}
