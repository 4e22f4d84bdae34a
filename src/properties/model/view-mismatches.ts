import type { Voucher } from '../../../spec/schemas/voucher.ts';
import {
  availableOf,
  effectiveState,
  type ModelVoucher,
  usageOf,
  type VoucherModel,
} from './voucher-model.ts';

/** The fields of a voucher as the model predicts them; `remainderOf` is the model ref of the original. */
export function predictedView(m: VoucherModel, v: ModelVoucher) {
  return {
    state: effectiveState(m, v),
    usage: usageOf(v),
    denomination: v.denomination,
    balance: v.balance,
    available: availableOf(m, v),
    currency: v.currency,
    policy: v.kind.policy,
    reusable: v.kind.reusable,
    topUpAllowed: v.kind.topUpAllowed,
  };
}

/** Fields the contract makes optional: a system that does not give one is not wrong, only silent. */
const optional = new Set(['usage', 'available', 'policy', 'reusable', 'topUpAllowed']);

/**
 * Where a voucher answer differs from the model: one "field: expected X, got Y" per difference. An
 * optional field the answer leaves out is unknown and compared only when present.
 */
export function viewMismatches(m: VoucherModel, v: ModelVoucher, body: Voucher): string[] {
  const want = predictedView(m, v);
  const got = {
    state: body.state,
    usage: body.usage,
    denomination: body.denomination.amount,
    balance: body.balance.amount,
    available: body.available?.amount,
    currency: body.balance.currency,
    policy: body.policy,
    reusable: body.reusable,
    topUpAllowed: body.topUpAllowed,
  };
  return (Object.keys(want) as Array<keyof typeof want>)
    .filter((k) => !(optional.has(k) && got[k] === undefined) && want[k] !== got[k])
    .map((k) => `${k}: expected ${String(want[k])}, got ${String(got[k])}`);
}
