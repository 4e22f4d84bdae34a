import type { Policy } from './capabilities.ts';
import type { Money } from './schemas/common.ts';
import type { VoucherState } from './schemas/voucher.ts';

/**
 * Provider states, as in Pact: what a scenario's Given-steps ask the target to be in before the
 * behaviour under test. Arrangement is the vendor's business: the canonical driver arranges through the
 * contract (or test control), an adapter however its system can (an admin API, seed data). Only the
 * When/Then behaviour is certified, never the arrangement.
 */

/** A kind of voucher the scenario names ("GIFT"): how vouchers of it behave. */
export interface VoucherTypeParams {
  /** The scenario's name for it, unique in the scenario: vouchers of one key share one type. */
  key: string;
  currency: string;
  policy: Policy;
  /** false: a one-time voucher (LC-07), redeemed after its first use. */
  reusable: boolean;
  topUpAllowed: boolean;
  validityDays: number;
  holdTtlSeconds?: number;
  productCode?: string;
}

/** A voucher of a type in a lifecycle state, worth `amount` (its denomination; 0 left when redeemed). */
export interface VoucherParams {
  type: VoucherTypeParams;
  state: VoucherState;
  amount: Money;
}

export interface ProviderStates {
  /** A voucher type as the system keeps it; only scenarios about types and templates need its id. */
  'voucher type': {
    params: VoucherTypeParams;
    result: { typeId?: string; code?: string; productCode?: string };
  };
  /** One voucher, ready for the scenario's actions. */
  voucher: { params: VoucherParams; result: { voucherId: string; typeId?: string } };
  /** An activated voucher that belongs to another tenant (merchant): the scenario's keys must not reach it. */
  'voucher of another tenant': { params: { amount: Money }; result: { voucherId: string } };
}

export type ProviderStateName = keyof ProviderStates;
export type StateParams<S extends ProviderStateName> = ProviderStates[S]['params'];
export type Arranged<S extends ProviderStateName> = ProviderStates[S]['result'];

export const providerStateNames: readonly ProviderStateName[] = [
  'voucher type',
  'voucher',
  'voucher of another tenant',
];

/**
 * Thrown (or returned as the reason) when a system cannot be brought into a state: the scenario is then
 * "not claimed" with this reason, never passed or failed.
 */
export class CannotArrange extends Error {
  override name = 'CannotArrange';
}
