import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Voucher } from '../../spec/schemas/voucher.ts';
import { assertTopUpAllowed, decideTransition, type LifecycleAction } from '../domain/lifecycle.ts';
import { assertCurrency, assertSpendable } from '../domain/spendable.ts';
import { appendEntry } from '../storage/ledger-rows.ts';
import { readVoucher, saveVoucher } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';
import { lockVoucher } from './load-voucher.ts';
import { voucherView } from './views.ts';

export interface TransitionInput {
  receipt?: Receipt;
  outcome?: 'refunded' | 'prepared';
  expiresAt?: string;
  reason?: string;
}

/** Runs one lifecycle action on a locked voucher: the pure core decides, storage records (LC-03..09). */
export async function transition(
  ctx: OpContext,
  id: string,
  action: LifecycleAction,
  input: TransitionInput,
): Promise<Voucher> {
  const v = await lockVoucher(ctx, id);
  let next = decideTransition(v, action, ctx.now);
  // Defect (restoreReactivates): back to the state a sold voucher had, not to prepared.
  if (action === 'restore' && ctx.faults?.restoreReactivates) next = 'activated';
  if (action === 'startSale' || action === 'startReturn') {
    await setPendingReceipt(ctx, v.id, input.receipt ?? null);
    v.state = next;
  } else if (action === 'completeSale') {
    const receipt = await setPendingReceipt(ctx, v.id, null);
    v.activatedAt = ctx.now;
    v.state = next;
    await appendEntry(ctx.client, v, { kind: 'activation', amount: 0, at: ctx.now, receipt });
  } else if (action === 'completeReturn') {
    const receipt = await setPendingReceipt(ctx, v.id, null);
    // LC-08: the register's setting decides: refunded (value paid out) or back to prepared for resale.
    const paidOut = input.outcome === 'prepared' ? 0 : v.balance;
    v.state = input.outcome === 'prepared' ? 'prepared' : 'refunded';
    v.balance -= paidOut;
    if (v.state === 'prepared') v.activatedAt = null;
    await appendEntry(ctx.client, v, { kind: 'payout', amount: -paidOut, at: ctx.now, receipt });
  } else if (action === 'cancelSale' || action === 'cancelReturn') {
    await setPendingReceipt(ctx, v.id, null);
    v.state = next;
  } else if (action === 'setValidity' && input.expiresAt) {
    v.expiresAt = new Date(input.expiresAt);
  } else {
    v.state = next;
  }
  await saveVoucher(ctx.client, v);
  return voucherView(v, ctx.now);
}

/** Stores the receipt of an open sale or return document and returns the one it replaces. */
async function setPendingReceipt(
  ctx: OpContext,
  id: string,
  receipt: Receipt | null,
): Promise<Receipt | null> {
  const { rows } = await ctx.client.query(
    'UPDATE vouchers n SET pending_receipt = $2 FROM vouchers o WHERE n.id = $1 AND o.id = n.id RETURNING o.pending_receipt',
    [id, receipt],
  );
  return rows[0]?.pending_receipt ?? null;
}

/** LC-11: loads value onto a reusable voucher whose type allows it. */
export async function topUp(
  ctx: OpContext,
  id: string,
  input: { amount: { amount: number; currency: string }; receipt: Receipt },
) {
  // Defect (topUpLostUpdate): the balance is read before the lock, with time for a payment to commit.
  const stale = ctx.faults?.topUpLostUpdate ? await readVoucher(ctx.client, ctx.tenantId, id) : null;
  if (stale) await new Promise((resolve) => setTimeout(resolve, 20));
  const v = await lockVoucher(ctx, id);
  assertTopUpAllowed(v);
  // Defect (topUpIgnoresExpiry): the top-up checks the state as stored, not as time has made it.
  assertSpendable(v, ctx.now, ctx.faults?.topUpIgnoresExpiry ? { ignoreExpiry: true } : undefined);
  assertCurrency(v, input.amount.currency);
  v.balance = (stale?.balance ?? v.balance) + input.amount.amount;
  await appendEntry(ctx.client, v, {
    kind: 'load',
    amount: input.amount.amount,
    at: ctx.now,
    receipt: input.receipt,
    operationId: ctx.newId(),
  });
  await saveVoucher(ctx.client, v);
  return voucherView(v, ctx.now);
}
