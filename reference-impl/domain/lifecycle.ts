import { type LifecycleAction, lifecycleTransitions } from '../../spec/lifecycle-transitions.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import { refuse } from './refusal.ts';
import { effectiveState, type VoucherRecord } from './voucher.ts';

export type { LifecycleAction };

const transitions = lifecycleTransitions;

/** Decides a lifecycle action: the next stored state, or a refusal that changes nothing (LC-13). */
export function decideTransition(v: VoucherRecord, action: LifecycleAction, now: Date): VoucherState {
  const state = effectiveState(v, now);
  const rule = transitions[action];
  if (!rule.from.includes(state)) {
    if (state === 'expired' && (action === 'startSale' || action === 'startReturn')) {
      refuse('voucher_expired', `voucher ${v.number} expired at ${v.expiresAt.toISOString()}`, {
        state,
        action,
      });
    }
    if (state === 'canceled' && action !== 'cancel') {
      refuse('voucher_canceled', `voucher ${v.number} was canceled`, { state, action });
    }
    refuse('illegal_transition', `cannot ${action} a voucher that is ${state}`, { state, action });
  }
  if (action === 'startReturn') {
    // LC-08: only an unused voucher can be refunded.
    if (v.openHolds > 0) refuse('voucher_in_use', `voucher ${v.number} is held by an open receipt`);
    if (v.used || v.balance !== v.denomination) {
      refuse('illegal_transition', `voucher ${v.number} has been used and cannot be refunded`, {
        state,
        action,
      });
    }
  }
  return rule.to ?? v.state;
}

/** LC-11: top-up adds value to a reusable voucher whose type allows it. */
export function assertTopUpAllowed(v: VoucherRecord): void {
  if (!v.reusable || !v.topUpAllowed) {
    refuse('top_up_not_allowed', `voucher type of ${v.number} does not allow top-ups`);
  }
}
