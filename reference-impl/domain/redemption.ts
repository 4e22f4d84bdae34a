import type { Receipt } from '../../spec/schemas/receipt.ts';
import { type Faults, noFaults } from '../faults.ts';
import { refuse } from './refusal.ts';
import { assertCurrency, assertSpendable, insufficient } from './spendable.ts';
import { availableOf, type VoucherRecord } from './voucher.ts';

export interface HoldRecord {
  id: string;
  voucherId: string;
  amount: number;
  reserves: boolean;
  status: 'open' | 'captured' | 'released' | 'expired';
  receipt: Receipt;
  createdAt: Date;
  expiresAt: Date;
  redemptionId: string | null;
}

export interface Money {
  amount: number;
  currency: string;
}

/** Balance-guard selects without reserving; every other policy reserves the held amount (CC-01..04). */
export function holdReserves(v: VoucherRecord): boolean {
  return v.policy !== 'balance-guard';
}

/** Refuses what the voucher's policy forbids for a new use of `amount` (a hold or a one-step redemption). */
export function assertCanUse(v: VoucherRecord, money: Money, now: Date, faults: Faults = noFaults): void {
  assertSpendable(v, now, faults);
  assertCurrency(v, money.currency);
  const exclusive =
    (v.policy === 'exclusive-hold' || v.policy === 'redeem-entire') && !faults.exclusiveNotExclusive;
  if (exclusive && v.openHolds > 0) {
    refuse('voucher_in_use', `voucher ${v.number} is held by another open receipt`);
  }
  const available = availableOf(v);
  if (money.amount > available) insufficient(v, available, money.amount);
}

export function decideHold(
  v: VoucherRecord,
  money: Money,
  now: Date,
  ttlSeconds?: number,
  faults: Faults = noFaults,
) {
  assertCanUse(v, money, now, faults);
  const ttl = ttlSeconds ?? v.holdTtlSeconds;
  return {
    amount: money.amount,
    reserves: holdReserves(v),
    expiresAt: new Date(now.getTime() + ttl * 1000),
  };
}

/** Refuses a capture that the hold or the voucher no longer allows, and says how much moves. */
export function decideCapture(
  v: VoucherRecord,
  hold: HoldRecord,
  money: Money | undefined,
  now: Date,
  faults: Faults = noFaults,
): number {
  const overdue = hold.status === 'open' && now >= hold.expiresAt && !faults.ignoreExpiry;
  if (hold.status === 'expired' || overdue) {
    refuse('hold_expired', `hold ${hold.id} expired at ${hold.expiresAt.toISOString()}`);
  }
  if (hold.status !== 'open')
    refuse('hold_not_open', `hold ${hold.id} is ${hold.status}`, { holdStatus: hold.status });
  assertSpendable(v, now, faults);
  if (money) assertCurrency(v, money.currency);
  const amount = money?.amount ?? hold.amount;
  if (amount > hold.amount) {
    refuse('capture_exceeds_hold', `capture of ${amount} exceeds the held ${hold.amount}`);
  }
  // Balance guard: the check happens at finalization (CC-01). Reserved holds already guarantee it.
  const spendable = hold.reserves ? v.balance : availableOf(v);
  if (amount > spendable) insufficient(v, spendable, amount);
  return amount;
}

export function decideRelease(hold: HoldRecord, now: Date): void {
  if (hold.status === 'expired' || (hold.status === 'open' && now >= hold.expiresAt)) {
    refuse('hold_expired', `hold ${hold.id} expired at ${hold.expiresAt.toISOString()}`);
  }
  if (hold.status !== 'open')
    refuse('hold_not_open', `hold ${hold.id} is ${hold.status}`, { holdStatus: hold.status });
}
