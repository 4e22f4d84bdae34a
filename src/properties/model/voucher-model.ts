import type { Capability, Policy } from '../../../spec/capabilities.ts';
import type { UsageStatus, VoucherState } from '../../../spec/schemas/voucher.ts';

/** The kind of voucher type a run issues: the switches of the contract's VoucherTypeInput. */
export interface VoucherKind {
  policy: Policy;
  reusable: boolean;
  topUpAllowed: boolean;
  validityDays: number;
  holdTtlSeconds: number;
}

export interface ModelVoucher {
  /** Index in `vouchers`: the name the model, the transcript and the renderings use ("V1" is ref 0). */
  ref: number;
  kind: VoucherKind;
  currency: string;
  denomination: number;
  balance: number;
  /** The lifecycle state as last set; expiry is derived from the clock (see effectiveState). */
  state: VoucherState;
  used: boolean;
  expiresAt: number;
  remainderOf: number | null;
}

/** A new voucher of a kind in the model, worth its denomination, valid from now for the kind's days. */
export function newModelVoucher(
  m: VoucherModel,
  kind: VoucherKind,
  denomination: number,
  state: VoucherState,
): ModelVoucher {
  return {
    ref: m.vouchers.length,
    kind,
    currency: 'EUR',
    denomination,
    balance: denomination,
    state,
    used: false,
    expiresAt: m.now + kind.validityDays * 86_400,
    remainderOf: null,
  };
}

export interface ModelHold {
  ref: number;
  voucher: number;
  amount: number;
  /** Balance guard selects without reserving; the other policies reserve the held amount. */
  reserves: boolean;
  status: 'open' | 'captured' | 'released';
  expiresAt: number;
}

export interface ModelRedemption {
  ref: number;
  voucher: number;
  amount: number;
  refunded: number;
}

export interface ModelTemplate {
  kindKey: string;
  capacity: number;
  issued: number;
}

/**
 * The whole of one run's tenant as the specification sees it. Time is seconds since the tenant was
 * created, moved only by clock commands; every rule below is a pure function of this state.
 */
export interface VoucherModel {
  now: number;
  capabilities: ReadonlySet<Capability>;
  vouchers: ModelVoucher[];
  holds: ModelHold[];
  redemptions: ModelRedemption[];
  templates: Map<string, ModelTemplate>;
  /**
   * What the run exercised, for the coverage test: cells of the lifecycle table (`state:operation`,
   * lifecycle-table.ts), the sides of ends the clock was moved to, partial captures by policy.
   */
  reached: Set<string>;
}

export function newVoucherModel(capabilities: Iterable<Capability>): VoucherModel {
  return {
    now: 0,
    capabilities: new Set(capabilities),
    vouchers: [],
    holds: [],
    redemptions: [],
    templates: new Map(),
    reached: new Set(),
  };
}

export const kindKey = (k: VoucherKind): string =>
  `${k.policy}/${k.reusable ? 'reusable' : 'one-time'}/${k.topUpAllowed ? 'top-up' : 'fixed'}/${k.validityDays}d/${k.holdTtlSeconds}s`;

/** LC-05: a prepared or activated voucher past its validity is expired. */
export function effectiveState(m: VoucherModel, v: ModelVoucher): VoucherState {
  if ((v.state === 'prepared' || v.state === 'activated') && m.now >= v.expiresAt) return 'expired';
  return v.state;
}

/** RD-04: an open hold past its time-to-live no longer counts, whether or not the target has swept it. */
export function holdExpired(m: VoucherModel, h: ModelHold): boolean {
  return h.status === 'open' && m.now >= h.expiresAt;
}

export function liveHolds(m: VoucherModel, v: ModelVoucher): ModelHold[] {
  return m.holds.filter((h) => h.voucher === v.ref && h.status === 'open' && m.now < h.expiresAt);
}

/** RD-02: what the customer can spend elsewhere now: the balance less what live holds reserve. */
export function spendable(m: VoucherModel, v: ModelVoucher): number {
  const reserved = liveHolds(m, v)
    .filter((h) => h.reserves)
    .reduce((sum, h) => sum + h.amount, 0);
  return Math.max(0, v.balance - reserved);
}

/** The `available` of a voucher view: spendable when activated, zero otherwise. */
export function availableOf(m: VoucherModel, v: ModelVoucher): number {
  return effectiveState(m, v) === 'activated' ? spendable(m, v) : 0;
}

/** LC-10: usage derived from state and history. */
export function usageOf(v: ModelVoucher): UsageStatus {
  if (v.state === 'redeemed') return 'redeemed';
  return v.used ? 'in-use' : 'not-redeemed';
}

/** The model's voucher of that ref (a hold's or a redemption's voucher always exists). */
export function voucherOf(m: VoucherModel, ref: number): ModelVoucher {
  const v = m.vouchers[ref];
  if (!v) throw new Error(`the model has no voucher ${ref + 1}`);
  return v;
}
