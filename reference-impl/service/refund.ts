import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Refund } from '../../spec/schemas/redemption.ts';
import type { Money } from '../domain/redemption.ts';
import { decideRefund } from '../domain/refund.ts';
import { refuse } from '../domain/refusal.ts';
import { lockVoucherStale } from '../stale-voucher.ts';
import { appendEntry } from '../storage/ledger-rows.ts';
import { addRefunded, insertRefund, readRedemption } from '../storage/redemption-rows.ts';
import { saveVoucher } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';
import { lockVoucher } from './load-voucher.ts';

/** RD-05: credits back part or all of what a redemption took, never more in total. */
export async function refundRedemption(
  ctx: OpContext,
  redemptionId: string,
  input: { amount?: Money; receipt: Receipt },
): Promise<Refund> {
  const found =
    (await readRedemption(ctx.client, ctx.tenantId, redemptionId)) ??
    refuse('not_found', `no redemption ${redemptionId}`);
  const v = await (ctx.faults?.refundLostUpdate ? lockVoucherStale : lockVoucher)(ctx, found.voucherId);
  // The voucher's lock serializes refunds of its redemptions; read again under it.
  const r = (await readRedemption(ctx.client, ctx.tenantId, redemptionId)) ?? found;
  const decided = decideRefund(v, r, input.amount, ctx.now, ctx.faults);
  const id = ctx.newId();
  v.balance += decided.amount;
  v.state = decided.state;
  await appendEntry(ctx.client, v, {
    kind: 'refund',
    amount: decided.amount,
    at: ctx.now,
    receipt: input.receipt,
    operationId: id,
  });
  await saveVoucher(ctx.client, v);
  await addRefunded(ctx.client, r.id, decided.amount);
  const refundedTotal = r.refunded + decided.amount;
  await insertRefund(ctx.client, {
    id,
    tenantId: ctx.tenantId,
    redemptionId: r.id,
    voucherId: v.id,
    amount: decided.amount,
    refundedTotal,
    balanceAfter: v.balance,
    createdAt: ctx.now,
    receipt: input.receipt,
  });
  const money = (amount: number) => ({ amount, currency: v.currency });
  return {
    id,
    redemptionId: r.id,
    voucherId: v.id,
    amount: money(decided.amount),
    refundedTotal: money(refundedTotal),
    balanceAfter: money(v.balance),
    createdAt: ctx.now.toISOString(),
  };
}
