import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Hold, Redemption } from '../../spec/schemas/redemption.ts';
import { debit } from '../domain/debit.ts';
import { makeIdentifiers } from '../domain/identifiers.ts';
import {
  assertCanUse,
  decideCapture,
  decideHold,
  decideRelease,
  type HoldRecord,
  type Money,
} from '../domain/redemption.ts';
import { refuse } from '../domain/refusal.ts';
import { closeHold, insertHold, readHold } from '../storage/hold-rows.ts';
import { appendEntry } from '../storage/ledger-rows.ts';
import { insertRedemption, readRedemption } from '../storage/redemption-rows.ts';
import { insertVoucher, type StoredVoucher, saveVoucher } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';
import { lockVoucher, lockVoucherForUse, readVoucherOrRefuse } from './load-voucher.ts';
import { holdView, redemptionView, voucherView } from './views.ts';

/** RD-02: first phase: set an amount aside for an open receipt, as the voucher's policy allows. */
export async function createHold(
  ctx: OpContext,
  voucherId: string,
  input: { amount: Money; receipt: Receipt; ttlSeconds?: number },
): Promise<Hold> {
  const v = await lockVoucherForUse(ctx, voucherId);
  const decided = decideHold(v, input.amount, ctx.now, input.ttlSeconds, ctx.faults);
  const hold: HoldRecord = {
    id: ctx.newId(),
    voucherId: v.id,
    status: 'open',
    receipt: input.receipt,
    createdAt: ctx.now,
    redemptionId: null,
    ...decided,
  };
  await insertHold(ctx.client, ctx.tenantId, hold);
  v.openHolds += 1;
  if (hold.reserves) v.held += hold.amount;
  await saveVoucher(ctx.client, v);
  return holdView(hold, v.currency, ctx.now);
}

export async function getHold(ctx: OpContext, id: string): Promise<Hold> {
  const hold = (await readHold(ctx.client, ctx.tenantId, id)) ?? refuse('not_found', `no hold ${id}`);
  const v = await readVoucherOrRefuse(ctx, hold.voucherId);
  return holdView(hold, v.currency, ctx.now);
}

/** Moves money off a locked voucher: ledger entry, redemption row and, under redeem-entire, the remainder voucher. */
async function take(
  ctx: OpContext,
  v: StoredVoucher,
  amount: number,
  receipt: Receipt,
  holdId: string | null,
): Promise<Redemption> {
  const d = debit(v, amount);
  const redemptionId = ctx.newId();
  v.balance -= amount;
  v.used = true;
  await appendEntry(ctx.client, v, {
    kind: 'capture',
    amount: -amount,
    at: ctx.now,
    receipt,
    operationId: redemptionId,
  });
  let remainder: StoredVoucher | null = null;
  if (d.remainder > 0) {
    // CC-04: the rest is paid out as a new voucher with a new id.
    v.balance -= d.remainder;
    await appendEntry(ctx.client, v, {
      kind: 'remainder',
      amount: -d.remainder,
      at: ctx.now,
      receipt,
      operationId: redemptionId,
    });
    const id = ctx.newId();
    remainder = {
      ...v,
      id,
      ...makeIdentifiers('R', id, v.expiresAt, ctx.random),
      denomination: d.remainder,
      balance: d.remainder,
      held: 0,
      openHolds: 0,
      state: 'activated',
      used: false,
      ledgerSeq: 0,
      issuedAt: ctx.now,
      activatedAt: ctx.now,
      remainderOf: v.id,
    };
    await insertVoucher(ctx.client, remainder);
    await appendEntry(ctx.client, remainder, {
      kind: 'issue',
      amount: d.remainder,
      at: ctx.now,
      receipt,
      operationId: redemptionId,
    });
    await appendEntry(ctx.client, remainder, {
      kind: 'activation',
      amount: 0,
      at: ctx.now,
      receipt,
      operationId: redemptionId,
    });
    await saveVoucher(ctx.client, remainder);
  }
  v.state = d.state;
  await saveVoucher(ctx.client, v);
  const row = {
    id: redemptionId,
    tenantId: ctx.tenantId,
    voucherId: v.id,
    holdId,
    amount,
    refunded: 0,
    receipt,
    capturedAt: ctx.now,
    balanceAfter: v.balance,
    remainderVoucherId: remainder?.id ?? null,
  };
  await insertRedemption(ctx.client, row);
  return redemptionView(row, v.currency, remainder ? voucherView(remainder, ctx.now) : null);
}

/** RD-02, RD-03: second phase: capture all or part of an open hold. */
export async function captureHold(
  ctx: OpContext,
  holdId: string,
  input: { amount?: Money },
): Promise<Redemption> {
  const found =
    (await readHold(ctx.client, ctx.tenantId, holdId)) ?? refuse('not_found', `no hold ${holdId}`);
  const v = await lockVoucherForUse(ctx, found.voucherId);
  // Defect (captureStaleHold): the hold as it was before the lock; a capture that committed meanwhile is not seen.
  const hold = ctx.faults?.captureStaleHold
    ? found
    : ((await readHold(ctx.client, ctx.tenantId, holdId)) as HoldRecord);
  const amount = decideCapture(v, hold, input.amount, ctx.now, ctx.faults);
  v.openHolds -= 1;
  // Defect (partialCaptureKeepsRest): only what was taken stops being reserved.
  if (hold.reserves) v.held -= ctx.faults?.partialCaptureKeepsRest ? amount : hold.amount;
  const redemption = await take(ctx, v, amount, hold.receipt, hold.id);
  await closeHold(ctx.client, hold, 'captured', redemption.id);
  return redemption;
}

export async function releaseHold(ctx: OpContext, holdId: string): Promise<Hold> {
  const found =
    (await readHold(ctx.client, ctx.tenantId, holdId)) ?? refuse('not_found', `no hold ${holdId}`);
  const v = await lockVoucher(ctx, found.voucherId);
  const hold = (await readHold(ctx.client, ctx.tenantId, holdId)) as HoldRecord;
  decideRelease(hold, ctx.now);
  v.openHolds -= 1;
  if (hold.reserves) v.held -= hold.amount;
  await saveVoucher(ctx.client, v);
  await closeHold(ctx.client, hold, 'released', null);
  return holdView(hold, v.currency, ctx.now);
}

/** One-step redemption for systems without holds: the same checks and effects as hold then capture. */
export async function redeem(
  ctx: OpContext,
  voucherId: string,
  input: { amount: Money; receipt: Receipt },
): Promise<Redemption> {
  const v = await lockVoucherForUse(ctx, voucherId);
  assertCanUse(v, input.amount, ctx.now, ctx.faults);
  return take(ctx, v, input.amount.amount, input.receipt, null);
}

export async function getRedemption(ctx: OpContext, id: string): Promise<Redemption> {
  const r =
    (await readRedemption(ctx.client, ctx.tenantId, id)) ?? refuse('not_found', `no redemption ${id}`);
  const v = await readVoucherOrRefuse(ctx, r.voucherId);
  const remainder = r.remainderVoucherId ? await readVoucherOrRefuse(ctx, r.remainderVoucherId) : null;
  return redemptionView(r, v.currency, remainder ? voucherView(remainder, ctx.now) : null);
}
