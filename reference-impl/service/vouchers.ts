import type { IdentifierKind } from '../../spec/capabilities.ts';
import type { Ledger } from '../../spec/schemas/ledger.ts';
import type { BalanceInquiry, Voucher } from '../../spec/schemas/voucher.ts';
import { refuse } from '../domain/refusal.ts';
import { readLedger } from '../storage/ledger-rows.ts';
import { readVoucherType } from '../storage/setup-rows.ts';
import { findVoucherBy } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';
import { readVoucherOrRefuse } from './load-voucher.ts';
import { voucherView } from './views.ts';

export async function getVoucher(ctx: OpContext, id: string): Promise<Voucher> {
  return voucherView(await readVoucherOrRefuse(ctx, id), ctx.now);
}

/** LC-02: any identifier finds the voucher. */
export async function lookupVoucher(
  ctx: OpContext,
  query: Partial<Record<IdentifierKind, string>>,
): Promise<Voucher> {
  const [kind, value] = Object.entries(query)[0] as [IdentifierKind, string];
  const found = await findVoucherBy(ctx.client, ctx.tenantId, kind, value);
  if (!found) refuse('not_found', `no voucher with ${kind} ${value}`);
  return getVoucher(ctx, found.id);
}

/** LC-12: type, initial denomination, current balance, state and product code. */
export async function balanceInquiry(ctx: OpContext, id: string): Promise<BalanceInquiry> {
  const v = await readVoucherOrRefuse(ctx, id);
  const type = await readVoucherType(ctx.client, ctx.tenantId, v.voucherTypeId);
  const view = voucherView(v, ctx.now);
  return {
    voucherId: v.id,
    number: v.number,
    voucherType: { id: v.voucherTypeId, code: type?.code ?? '', name: type?.name ?? '' },
    productCode: v.productCode,
    state: view.state,
    usage: view.usage,
    denomination: view.denomination,
    balance: view.balance,
    available: view.available,
    expiresAt: view.expiresAt,
  };
}

export async function getLedger(ctx: OpContext, id: string): Promise<Ledger> {
  const v = await readVoucherOrRefuse(ctx, id);
  return {
    voucherId: v.id,
    balance: { amount: v.balance, currency: v.currency },
    entries: await readLedger(ctx.client, v.id),
  };
}
