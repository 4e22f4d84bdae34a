import {
  heldSum,
  mayHaveExpired,
  notCertainlyExpired,
  type OpenHold,
  type VoucherState,
  voucherState,
} from './voucher-state.ts';

/** Whether the policy lets only one hold be open at a time. */
export function oneHoldAtATime(state: VoucherState): boolean {
  return state.policy === 'exclusive-hold' || state.policy === 'redeem-entire';
}

/** Holds that cannot have expired by `completedAt`. */
function stillOpen(holds: readonly OpenHold[], completedAt: number): readonly OpenHold[] {
  return holds.filter((hold) => !mayHaveExpired(hold, completedAt));
}

/**
 * Whether a new hold or one-step redemption of `amount` may be accepted now, and the open holds
 * after it (holds that must have expired for it to be accepted are dropped). null: it must be refused.
 */
export function admitSpend(
  state: VoucherState,
  amount: number,
  completedAt: number,
  isHold: boolean,
): readonly OpenHold[] | null {
  if (state.policy === 'balance-guard') return isHold || amount <= state.balance ? state.holds : null;
  if (amount > state.balance) return null;
  if (oneHoldAtATime(state)) {
    if (state.holds.length === 0) return state.holds;
    const open = stillOpen(state.holds, completedAt);
    return open.length === 0 ? open : null;
  }
  return expireForRoom(state.holds, amount, state.balance, completedAt);
}

/**
 * The open holds once enough of those that may have expired by `completedAt` are let go, earliest due
 * first, for `amount` to fit beside the rest within `balance`; null when even all of them are not
 * enough. A service expires holds as they fall due: letting every hold that may have expired go at
 * once would leave a later refusal that still saw one of them open unexplained (a race of two-second
 * holds against the reference showed it).
 */
function expireForRoom(
  holds: readonly OpenHold[],
  amount: number,
  balance: number,
  completedAt: number,
): readonly OpenHold[] | null {
  let open = holds;
  const due = holds
    .filter((hold) => mayHaveExpired(hold, completedAt))
    .sort((a, b) => a.earliestExpiry - b.earliestExpiry);
  for (const hold of due) {
    if (heldSum(open) + amount <= balance) break;
    open = open.filter((h) => h !== hold);
  }
  return heldSum(open) + amount <= balance ? open : null;
}

/**
 * Whether refusing a spend of `amount` with insufficient_balance is explained by the state, for a call
 * at `invokedAt`: a hold that has certainly expired by then (the test clock moved past it) reserves nothing.
 */
export function refusesForBalance(
  state: VoucherState,
  amount: number,
  isHold: boolean,
  invokedAt: number,
): boolean {
  if (state.policy === 'amount-holds')
    return heldSum(notCertainlyExpired(state.holds, invokedAt)) + amount > state.balance;
  if (state.policy === 'balance-guard' && !isHold) return amount > state.balance;
  return amount > state.balance;
}

/** Whether a voucher_in_use refusal is explained by the state: a hold that may still be open at `invokedAt`. */
export function refusesInUse(state: VoucherState, invokedAt: number): boolean {
  return oneHoldAtATime(state) && notCertainlyExpired(state.holds, invokedAt).length > 0;
}

/**
 * The state after `amount` leaves the voucher: all of it under redeem-entire (the rest becomes a new
 * voucher); a one-time voucher is used from then on.
 */
export function debit(state: VoucherState, amount: number, holds: readonly OpenHold[]): VoucherState {
  const balance = state.policy === 'redeem-entire' ? 0 : state.balance - amount;
  return voucherState(state.policy, balance, holds, state.use === 'none' ? 'none' : 'used');
}

/** Whether a one-time voucher is certainly used: no more holds or spends may be accepted. */
export function certainlyUsed(state: VoucherState): boolean {
  return state.use === 'used';
}

/** Whether a voucher_redeemed refusal is explained: nothing left, or a one-time voucher that may be used. */
export function refusesRedeemed(state: VoucherState): boolean {
  return state.balance === 0 || state.use === 'used' || state.use === 'either';
}
