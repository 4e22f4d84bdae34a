import type { VoucherState } from '../../../spec/schemas/voucher.ts';
import type { Refusal } from './refusal.ts';
import { effectiveState, type ModelVoucher, type VoucherModel } from './voucher-model.ts';

export type LifecycleAction =
  | 'startSale'
  | 'completeSale'
  | 'cancelSale'
  | 'cancelVoucher'
  | 'restoreVoucher';

/** LC-03, LC-06, LC-09: the states each action starts from and the state it leads to. */
const transitions: Record<LifecycleAction, { from: readonly VoucherState[]; to: VoucherState }> = {
  startSale: { from: ['prepared'], to: 'activating' },
  completeSale: { from: ['activating'], to: 'activated' },
  cancelSale: { from: ['activating'], to: 'prepared' },
  cancelVoucher: { from: ['prepared', 'activating', 'activated', 'refunding', 'expired'], to: 'canceled' },
  restoreVoucher: { from: ['canceled'], to: 'prepared' },
};

/** LC-13: an action from a state that does not allow it is refused, with the most specific code. */
export function lifecycleRefusal(m: VoucherModel, v: ModelVoucher, action: LifecycleAction): Refusal {
  const state = effectiveState(m, v);
  if (transitions[action].from.includes(state)) return null;
  if (state === 'expired' && action === 'startSale') return 'voucher_expired';
  if (state === 'canceled' && action !== 'cancelVoucher') return 'voucher_canceled';
  return 'illegal_transition';
}

export function applyLifecycle(v: ModelVoucher, action: LifecycleAction): void {
  v.state = transitions[action].to;
}
