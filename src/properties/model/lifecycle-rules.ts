import type { VoucherState } from '../../../spec/schemas/voucher.ts';
import { firstRefusal, type Refusal } from './refusal.ts';
import { effectiveState, liveHolds, type ModelVoucher, type VoucherModel } from './voucher-model.ts';

export type LifecycleAction =
  | 'startSale'
  | 'completeSale'
  | 'cancelSale'
  | 'startReturn'
  | 'completeReturn'
  | 'cancelReturn'
  | 'cancelVoucher'
  | 'restoreVoucher'
  | 'setValidity';

/** How a return document is closed (LC-08, a per-register setting). */
export type ReturnOutcome = 'refunded' | 'prepared';

/**
 * LC-03, LC-05, LC-06, LC-08, LC-09: the (effective) states each action starts from and the state it
 * leads to; null keeps the state (a new validity) or depends on the outcome (closing a return).
 */
const transitions: Record<LifecycleAction, { from: readonly VoucherState[]; to: VoucherState | null }> = {
  startSale: { from: ['prepared'], to: 'activating' },
  completeSale: { from: ['activating'], to: 'activated' },
  cancelSale: { from: ['activating'], to: 'prepared' },
  startReturn: { from: ['activated'], to: 'refunding' },
  completeReturn: { from: ['refunding'], to: null },
  cancelReturn: { from: ['refunding'], to: 'activated' },
  cancelVoucher: { from: ['prepared', 'activating', 'activated', 'refunding', 'expired'], to: 'canceled' },
  restoreVoucher: { from: ['canceled'], to: 'prepared' },
  setValidity: { from: ['prepared', 'activated', 'expired'], to: null },
};

/** LC-13: an action from a state that does not allow it is refused, with the most specific code. */
export function lifecycleRefusal(m: VoucherModel, v: ModelVoucher, action: LifecycleAction): Refusal {
  const state = effectiveState(m, v);
  if (transitions[action].from.includes(state)) return action === 'startReturn' ? returnRefusal(m, v) : null;
  if (state === 'expired' && (action === 'startSale' || action === 'startReturn')) return 'voucher_expired';
  if (state === 'canceled' && action !== 'cancelVoucher') return 'voucher_canceled';
  return 'illegal_transition';
}

/** LC-08: only an unused voucher, with its whole value and no open receipt holding it, can be returned. */
function returnRefusal(m: VoucherModel, v: ModelVoucher): Refusal {
  return firstRefusal(
    () => (liveHolds(m, v).length > 0 ? 'voucher_in_use' : null),
    () => (v.used || v.balance !== v.denomination ? 'illegal_transition' : null),
  );
}

/** Applies an accepted action; closing a return pays the value out, or puts the voucher back for resale. */
export function applyLifecycle(v: ModelVoucher, action: LifecycleAction, outcome?: ReturnOutcome): void {
  if (action === 'completeReturn') {
    if (outcome === 'prepared') v.state = 'prepared';
    else {
      v.state = 'refunded';
      v.balance = 0;
    }
    return;
  }
  v.state = transitions[action].to ?? v.state;
}
