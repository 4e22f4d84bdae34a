import type { VoucherState } from '../../spec/schemas/voucher.ts';
import type { VoucherRecord } from './voucher.ts';

/** The effect of taking `amount` from a voucher: new balance and state, and the remainder under redeem-entire. */
export interface Debit {
  amount: number;
  balanceAfter: number;
  /** Redeem entire (CC-04): what is left becomes a new voucher; this voucher ends at zero. */
  remainder: number;
  state: VoucherState;
}

export function debit(v: VoucherRecord, amount: number): Debit {
  const left = v.balance - amount;
  if (v.policy === 'redeem-entire') {
    return { amount, balanceAfter: 0, remainder: left, state: 'redeemed' };
  }
  // LC-07: one-time vouchers are redeemed after the first use; reusable ones at zero,
  // unless top-ups keep them in use (LC-10).
  const done = !v.reusable || (left === 0 && !v.topUpAllowed);
  return { amount, balanceAfter: left, remainder: 0, state: done ? 'redeemed' : v.state };
}
