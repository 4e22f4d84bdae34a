import type {
  IssueInput,
  Template,
  TemplateInput,
  VoucherType,
  VoucherTypeInput,
} from '../../spec/schemas/voucher.ts';
import { makeIdentifiers } from '../domain/identifiers.ts';
import { refuse } from '../domain/refusal.ts';
import { appendEntry } from '../storage/ledger-rows.ts';
import {
  addIssued,
  insertTemplate,
  insertVoucherType,
  readTemplate,
  readVoucherType,
} from '../storage/setup-rows.ts';
import { insertVoucher, type StoredVoucher } from '../storage/voucher-rows.ts';
import type { OpContext } from './context.ts';
import { voucherView } from './views.ts';

export async function createVoucherType(ctx: OpContext, input: VoucherTypeInput): Promise<VoucherType> {
  const type: VoucherType = { id: ctx.newId(), ...input, holdTtlSeconds: input.holdTtlSeconds ?? 900 };
  if (!(await insertVoucherType(ctx.client, ctx.tenantId, type))) {
    refuse('already_exists', `voucher type ${input.code} exists`);
  }
  return type;
}

export async function getVoucherType(ctx: OpContext, id: string): Promise<VoucherType> {
  return (
    (await readVoucherType(ctx.client, ctx.tenantId, id)) ?? refuse('not_found', `no voucher type ${id}`)
  );
}

export async function createTemplate(ctx: OpContext, input: TemplateInput): Promise<Template> {
  await getVoucherType(ctx, input.voucherTypeId);
  const template: Template = { id: ctx.newId(), ...input, issued: 0 };
  if (!(await insertTemplate(ctx.client, ctx.tenantId, template)))
    refuse('already_exists', `template ${input.code} exists`);
  return template;
}

export async function getTemplate(ctx: OpContext, id: string): Promise<Template> {
  return (await readTemplate(ctx.client, ctx.tenantId, id)) ?? refuse('not_found', `no template ${id}`);
}

/** LC-01, LC-02, LC-03: issues a batch in state prepared, within the template set's capacity. */
export async function issueVouchers(ctx: OpContext, templateId: string, input: IssueInput) {
  const template =
    (await readTemplate(ctx.client, ctx.tenantId, templateId, true)) ??
    refuse('not_found', `no template ${templateId}`);
  const type = await getVoucherType(ctx, template.voucherTypeId);
  if (input.denomination.currency !== type.currency) {
    refuse('currency_mismatch', `voucher type ${type.code} is in ${type.currency}`, {
      expected: type.currency,
    });
  }
  const remaining = template.capacity - template.issued;
  if (input.count > remaining) {
    refuse('template_capacity_exhausted', `template ${template.code} can issue ${remaining} more`, {
      remaining,
    });
  }
  const expiresAt = new Date(ctx.now.getTime() + type.validityDays * 86_400_000);
  const vouchers = [];
  for (let i = 0; i < input.count; i++) {
    const id = ctx.newId();
    const v: StoredVoucher = {
      id,
      tenantId: ctx.tenantId,
      voucherTypeId: type.id,
      templateId: template.id,
      ...makeIdentifiers(template.numberPrefix, id, expiresAt, ctx.random),
      currency: type.currency,
      productCode: type.productCode,
      policy: type.policy as StoredVoucher['policy'],
      reusable: type.reusable,
      topUpAllowed: type.topUpAllowed,
      holdTtlSeconds: type.holdTtlSeconds,
      denomination: input.denomination.amount,
      balance: input.denomination.amount,
      held: 0,
      openHolds: 0,
      state: 'prepared',
      used: false,
      ledgerSeq: 0,
      issuedAt: ctx.now,
      activatedAt: null,
      expiresAt,
      remainderOf: null,
    };
    await insertVoucher(ctx.client, v);
    await appendEntry(ctx.client, v, {
      kind: 'issue',
      amount: v.balance,
      at: ctx.now,
      place: { store: input.store, legalEntity: input.legalEntity },
    });
    await ctx.client.query('UPDATE vouchers SET ledger_seq = $2 WHERE id = $1', [v.id, v.ledgerSeq]);
    vouchers.push(voucherView(v, ctx.now));
  }
  await addIssued(ctx.client, template.id, input.count);
  return { templateId: template.id, vouchers };
}
