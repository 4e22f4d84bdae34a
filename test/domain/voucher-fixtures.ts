import assert from 'node:assert/strict';
import type { HoldRecord } from '../../reference-impl/domain/redemption.ts';
import { Refusal } from '../../reference-impl/domain/refusal.ts';
import type { VoucherRecord } from '../../reference-impl/domain/voucher.ts';

/** Fixed instants: the tests never read the wall clock. */
export const issuedAt = new Date('2026-01-01T00:00:00.000Z');
export const now = new Date('2026-06-01T12:00:00.000Z');
export const validUntil = new Date('2027-01-01T00:00:00.000Z');
export const expiredAt = new Date('2026-05-01T00:00:00.000Z');

/** An activated, unused, reusable 20.00 EUR voucher under balance-guard; override what a test needs. */
export function aVoucher(overrides: Partial<VoucherRecord> = {}): VoucherRecord {
  return {
    id: 'v-1',
    tenantId: 't-1',
    voucherTypeId: 'vt-1',
    templateId: 'tpl-1',
    number: 'GV0000000000000001',
    barcode: '000000000000000001',
    magstripe: ';0000000000000001=2701000000?',
    qr: 'VC1:v-1',
    currency: 'EUR',
    productCode: 'GIFT20',
    policy: 'balance-guard',
    reusable: true,
    topUpAllowed: false,
    holdTtlSeconds: 900,
    denomination: 2000,
    balance: 2000,
    held: 0,
    openHolds: 0,
    state: 'activated',
    used: false,
    issuedAt,
    activatedAt: issuedAt,
    expiresAt: validUntil,
    remainderOf: null,
    ...overrides,
  };
}

/** An open hold of `amount` on v-1, expiring 15 minutes after `now`. */
export function aHold(overrides: Partial<HoldRecord> = {}): HoldRecord {
  return {
    id: 'h-1',
    voucherId: 'v-1',
    amount: 500,
    reserves: true,
    status: 'open',
    receipt: { number: 'R-1', store: 'S-1', register: 'POS-1', channel: 'pos' },
    createdAt: now,
    expiresAt: new Date(now.getTime() + 900_000),
    redemptionId: null,
    ...overrides,
  };
}

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Runs `fn`, which must refuse, and returns the refusal so a test can check its code and extensions. */
export function refusalOf(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  return assert.fail('expected a Refusal, but the call went through');
}

/** The refusal code of `fn`, or 'ok' when it goes through: handy for tables. */
export function outcomeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
}
