import type { OpContext } from './service/context.ts';
import { lockVoucher } from './service/load-voucher.ts';
import { readVoucher, type StoredVoucher } from './storage/voucher-rows.ts';

/**
 * Defect (refundLostUpdate, faults.ts): the voucher locked as lockVoucher locks it, but with the balance
 * read before the lock, and time for a payment to commit in between: that payment is written over.
 */
export async function lockVoucherStale(ctx: OpContext, id: string): Promise<StoredVoucher> {
  const stale = await readVoucher(ctx.client, ctx.tenantId, id);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const v = await lockVoucher(ctx, id);
  if (stale) v.balance = stale.balance;
  return v;
}
