import type { TenderReceipt } from '../../spec/schemas/tenders.ts';
import { type Money, parseMoney } from './money.ts';

const codes = (v: string) => v.split(/\s*,\s*/).filter(Boolean);

const known = new Set([
  'transaction type',
  'line items',
  'total',
  'customer',
  'customer groups',
  'tenders on the receipt',
  'paid with on the original receipt',
  'reason',
  'reason group',
  'amount',
  'at',
]);

/** A sale of the given total with one sales item, no customer: what the cashier rings up most. */
export function saleReceipt(total: Money): TenderReceipt {
  return { transactionType: 'SA', lineItems: [{ type: 'SI' }], total };
}

/** A pay-in (money into the till, transaction and line item type PI) or a pay-out (PO, negative total). */
export function payInOutReceipt(
  kind: 'pay-in' | 'pay-out',
  amount: Money,
  reasonCode: string,
  reasonCodeGroupCode?: string,
): TenderReceipt {
  const type = kind === 'pay-in' ? 'PI' : 'PO';
  return {
    transactionType: type,
    lineItems: [{ type }],
    total: { amount: kind === 'pay-in' ? amount.amount : -amount.amount, currency: amount.currency },
    payInOut: { reasonCode, amount, ...(reasonCodeGroupCode ? { reasonCodeGroupCode } : {}) },
  };
}

/**
 * A receipt written as a two-column table (field | value). Defaults: transaction type SA, one SI line
 * item, total 10.00 EUR. "line items" and the tender fields are comma lists; "reason" with "amount"
 * makes it a pay-in/pay-out item; "at" is when the tender is used (else the service's clock).
 */
export function receiptFromTable(fields: Record<string, string>): TenderReceipt {
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) throw new Error(`unknown receipt field "${key}" (known: ${[...known].join(', ')})`);
  }
  const receipt: TenderReceipt = {
    transactionType: fields['transaction type'] ?? 'SA',
    lineItems: codes(fields['line items'] ?? 'SI').map((type) => ({ type })),
    total: parseMoney(fields.total ?? '10.00 EUR'),
  };
  const id = fields.customer;
  const groups = fields['customer groups'];
  if (id !== undefined || groups !== undefined) {
    receipt.customer = {
      ...(id !== undefined ? { id } : {}),
      ...(groups !== undefined ? { groups: codes(groups) } : {}),
    };
  }
  if (fields['tenders on the receipt'] !== undefined)
    receipt.tenders = codes(fields['tenders on the receipt']);
  const original = fields['paid with on the original receipt'];
  if (original !== undefined) receipt.originalTenders = codes(original);
  if (fields.reason !== undefined) {
    if (fields.amount === undefined) throw new Error('a receipt with a reason needs an "amount"');
    receipt.payInOut = {
      reasonCode: fields.reason,
      amount: parseMoney(fields.amount),
      ...(fields['reason group'] !== undefined ? { reasonCodeGroupCode: fields['reason group'] } : {}),
    };
  }
  if (fields.at !== undefined) receipt.at = fields.at;
  return receipt;
}
