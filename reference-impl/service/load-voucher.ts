import { refuse } from '../domain/refusal.ts';
import { noFaults } from '../faults.ts';
import { expireDueHolds, liveHolds } from '../storage/hold-rows.ts';
import { lockLedgerSeq, readVoucher, type StoredVoucher, saveVoucher } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';

/** Locks the tenant's voucher for this transaction and expires its due holds first; not_found otherwise. */
export async function lockVoucher(ctx: OpContext, id: string): Promise<StoredVoucher> {
  const faults = ctx.faults ?? noFaults;
  const v = await readVoucher(ctx.client, ctx.tenantId, id, !faults.skipRowLock);
  if (!v) refuse('not_found', `no voucher ${id}`);
  // Defect: the row is locked only now, for the ledger's sequence; the balance read above may be stale.
  if (faults.skipRowLock) v.ledgerSeq = await lockLedgerSeq(ctx.client, v.id);
  if (faults.ignoreExpiry) return v;
  // Saved at once: what the expiry gives back holds even if the operation is then refused.
  if ((await expireDueHolds(ctx.client, v, ctx.now)) > 0) await saveVoucher(ctx.client, v);
  return v;
}

/**
 * Locks a voucher about to be used (a hold, a capture, a one-step redemption). Under the staleOneTimeCheck
 * fault its state is first read without the lock, and that stale state is the one decided on: a
 * one-time voucher that a use redeemed meanwhile still looks activated (its balance is the locked one).
 */
export async function lockVoucherForUse(ctx: OpContext, id: string): Promise<StoredVoucher> {
  if (!ctx.faults?.staleOneTimeCheck) return lockVoucher(ctx, id);
  const before = await readVoucher(ctx.client, ctx.tenantId, id);
  const v = await lockVoucher(ctx, id);
  if (before && !v.reusable && v.state === 'redeemed') v.state = before.state;
  return v;
}

/** Reads without locking; holds past their time-to-live no longer count, swept or not. */
export async function readVoucherOrRefuse(ctx: OpContext, id: string): Promise<StoredVoucher> {
  const v = await readVoucher(ctx.client, ctx.tenantId, id);
  if (!v) refuse('not_found', `no voucher ${id}`);
  if (v.openHolds > 0) Object.assign(v, await liveHolds(ctx.client, v.id, ctx.now));
  return v;
}
