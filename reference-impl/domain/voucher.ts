import type { Policy } from '../../spec/capabilities.ts';
import type { UsageStatus, VoucherState } from '../../spec/schemas/voucher.ts';

/** The voucher as the domain core sees it: plain data, no storage concerns. */
export interface VoucherRecord {
  id: string;
  tenantId: string;
  voucherTypeId: string;
  templateId: string;
  number: string;
  barcode: string;
  magstripe: string;
  qr: string;
  currency: string;
  productCode: string;
  policy: Policy;
  reusable: boolean;
  topUpAllowed: boolean;
  holdTtlSeconds: number;
  denomination: number;
  balance: number;
  /** Sum of open holds that reserve money (amount-holds, exclusive-hold, redeem-entire). */
  held: number;
  /** Open holds of any kind; exclusive-hold and redeem-entire allow one. */
  openHolds: number;
  state: VoucherState;
  used: boolean;
  issuedAt: Date;
  activatedAt: Date | null;
  expiresAt: Date;
  remainderOf: string | null;
}

/** Expiry is derived: a prepared or activated voucher past its validity is expired. */
export function effectiveState(v: Pick<VoucherRecord, 'state' | 'expiresAt'>, now: Date): VoucherState {
  if ((v.state === 'prepared' || v.state === 'activated') && now.getTime() >= v.expiresAt.getTime()) {
    return 'expired';
  }
  return v.state;
}

/** LC-10: usage as seen at the register, derived from state and history. */
export function usageOf(v: Pick<VoucherRecord, 'state' | 'used'>): UsageStatus {
  if (v.state === 'redeemed') return 'redeemed';
  return v.used ? 'in-use' : 'not-redeemed';
}

/** What the customer can spend elsewhere right now (RD-02: holds reduce it, the ledger is untouched). */
export function availableOf(v: Pick<VoucherRecord, 'balance' | 'held'>): number {
  return Math.max(0, v.balance - v.held);
}
