import type { VoucherState } from './schemas/voucher.ts';

export type LifecycleAction =
  | 'startSale'
  | 'completeSale'
  | 'cancelSale'
  | 'startReturn'
  | 'completeReturn'
  | 'cancelReturn'
  | 'cancel'
  | 'restore'
  | 'setValidity';

/**
 * LC-03, LC-06, LC-08, LC-09: from which (effective) states each lifecycle action may start, and where it
 * leads (null: it keeps the state, or the action's input decides). Anything else is refused and changes
 * nothing (LC-13). The contract's table: the reference implementation and the adapter kit read it.
 */
export const lifecycleTransitions: Record<
  LifecycleAction,
  { from: readonly VoucherState[]; to: VoucherState | null }
> = {
  startSale: { from: ['prepared'], to: 'activating' },
  completeSale: { from: ['activating'], to: 'activated' },
  cancelSale: { from: ['activating'], to: 'prepared' },
  startReturn: { from: ['activated'], to: 'refunding' },
  completeReturn: { from: ['refunding'], to: null },
  cancelReturn: { from: ['refunding'], to: 'activated' },
  cancel: { from: ['prepared', 'activating', 'activated', 'refunding', 'expired'], to: 'canceled' },
  restore: { from: ['canceled'], to: 'prepared' },
  setValidity: { from: ['prepared', 'activated', 'expired'], to: null },
};
