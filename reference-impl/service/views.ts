import type { Hold, Redemption } from '../../spec/schemas/redemption.ts';
import type { Voucher } from '../../spec/schemas/voucher.ts';
import type { HoldRecord } from '../domain/redemption.ts';
import { availableOf, effectiveState, usageOf, type VoucherRecord } from '../domain/voucher.ts';
import type { StoredRedemption } from '../storage/redemption-rows.ts';

/** The contract's view of a voucher at `now` (expiry is derived, not stored). */
export function voucherView(v: VoucherRecord, now: Date): Voucher {
  const money = (amount: number) => ({ amount, currency: v.currency });
  const state = effectiveState(v, now);
  return {
    id: v.id,
    number: v.number,
    barcode: v.barcode,
    magstripe: v.magstripe,
    qr: v.qr,
    voucherTypeId: v.voucherTypeId,
    templateId: v.templateId,
    productCode: v.productCode,
    policy: v.policy,
    reusable: v.reusable,
    topUpAllowed: v.topUpAllowed,
    state,
    usage: usageOf(v),
    denomination: money(v.denomination),
    balance: money(v.balance),
    available: money(state === 'activated' ? availableOf(v) : 0),
    issuedAt: v.issuedAt.toISOString(),
    activatedAt: v.activatedAt ? v.activatedAt.toISOString() : null,
    expiresAt: v.expiresAt.toISOString(),
    remainderOf: v.remainderOf,
  };
}

export function holdView(h: HoldRecord, currency: string, now: Date): Hold {
  const expired = h.status === 'expired' || (h.status === 'open' && now >= h.expiresAt);
  return {
    id: h.id,
    voucherId: h.voucherId,
    amount: { amount: h.amount, currency },
    status: expired ? 'expired' : h.status,
    receipt: h.receipt,
    createdAt: h.createdAt.toISOString(),
    expiresAt: h.expiresAt.toISOString(),
    redemptionId: h.redemptionId,
  };
}

export function redemptionView(r: StoredRedemption, currency: string, remainder: Voucher | null): Redemption {
  return {
    id: r.id,
    voucherId: r.voucherId,
    holdId: r.holdId,
    amount: { amount: r.amount, currency },
    refunded: { amount: r.refunded, currency },
    receipt: r.receipt,
    capturedAt: r.capturedAt.toISOString(),
    balanceAfter: { amount: r.balanceAfter, currency },
    remainderVoucher: remainder,
  };
}
