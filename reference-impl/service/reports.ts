import { activityRows, liabilityRows, useRows, voucherRows } from '../storage/report-queries.ts';
import type { OpContext } from './context.ts';

type Q = Record<string, string | number | undefined>;
const date = (s: unknown) => (typeof s === 'string' ? new Date(s) : null);
const text = (s: unknown) => (typeof s === 'string' ? s : null);

/** RP-01: number, denomination, type, state and balance, paged by number. */
export async function reportVouchers(ctx: OpContext, q: Q) {
  const limit = Number(q.limit ?? 100);
  const rows = await voucherRows(
    ctx.client,
    ctx.tenantId,
    ctx.now,
    text(q.state),
    text(q.after),
    limit + 1,
    ctx.faults,
  );
  const items = rows.slice(0, limit).map((r) => ({
    voucherId: r.id,
    number: r.number,
    voucherType: r.type_code,
    denomination: { amount: r.denomination, currency: r.currency },
    state: r.state,
    balance: { amount: r.balance, currency: r.currency },
  }));
  return { items, next: rows.length > limit ? (items.at(-1)?.number ?? null) : null };
}

/** RP-02: issued, sold, used and returned per period, optionally by store, register or legal entity. */
export async function reportActivity(ctx: OpContext, q: Q) {
  const period = q.period as 'day' | 'month' | 'quarter' | 'year';
  const groupBy = (q.groupBy as 'store' | 'register' | 'legalEntity' | undefined) ?? null;
  const rows = await activityRows(
    ctx.client,
    ctx.tenantId,
    period,
    groupBy,
    date(q.from),
    date(q.to),
    ctx.faults,
  );
  return {
    period,
    groupBy,
    rows: rows.map((r) => ({
      period: r.period,
      group: r.grp,
      issued: r.issued,
      sold: r.sold,
      used: r.used,
      returned: r.returned,
    })),
  };
}

/** RP-03: the sum of balances that customers can still spend, of every voucher or of one type. */
export async function reportLiability(ctx: OpContext, q: Q) {
  const rows = await liabilityRows(ctx.client, ctx.tenantId, ctx.now, text(q.voucherType), ctx.faults);
  return { totals: rows.map((r) => ({ currency: r.currency, amount: r.amount, vouchers: r.vouchers })) };
}

/** RP-04: every use with its receipt, products, amounts and place. */
export async function reportUses(ctx: OpContext, q: Q) {
  const rows = await useRows(
    ctx.client,
    ctx.tenantId,
    text(q.voucherId),
    text(q.store),
    date(q.from),
    date(q.to),
    ctx.faults,
  );
  return {
    items: rows.map((r) => ({
      redemptionId: r.id,
      voucherId: r.voucher_id,
      number: r.number,
      receiptNumber: r.receipt.number,
      at: r.captured_at.toISOString(),
      products: (r.receipt.lines ?? []).map((l: { product: string }) => l.product),
      receiptAmount: r.receipt.total ?? null,
      voucherAmount: { amount: r.amount, currency: r.currency },
      refunded: { amount: r.refunded, currency: r.currency },
      store: r.receipt.store,
      register: r.receipt.register,
      channel: r.receipt.channel,
    })),
  };
}
