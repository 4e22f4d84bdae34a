import { refuse } from '../domain/refusal.ts';
import { expireDueHolds, liveHolds } from '../storage/hold-rows.ts';
import { readVoucher, type StoredVoucher, saveVoucher } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';

/** Locks the tenant's voucher for this transaction and expires its due holds first; not_found otherwise. */
export async function lockVoucher(ctx: OpContext, id: string): Promise<StoredVoucher> {
  const v = await readVoucher(ctx.client, ctx.tenantId, id, true);
  if (!v) refuse('not_found', `no voucher ${id}`);
  // Saved at once: what the expiry gives back holds even if the operation is then refused.
  if ((await expireDueHolds(ctx.client, v, ctx.now)) > 0) await saveVoucher(ctx.client, v);
  return v;
}

/** Reads without locking; holds past their time-to-live no longer count, swept or not. */
export async function readVoucherOrRefuse(ctx: OpContext, id: string): Promise<StoredVoucher> {
  const v = await readVoucher(ctx.client, ctx.tenantId, id);
  if (!v) refuse('not_found', `no voucher ${id}`);
  if (v.openHolds > 0) Object.assign(v, await liveHolds(ctx.client, v.id, ctx.now));
  return v;
}
