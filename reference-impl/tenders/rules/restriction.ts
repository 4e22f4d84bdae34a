import type { TenderReceipt, TenderRestrictionRule } from '../../../spec/schemas/tenders.ts';
import type { TenderRule } from './tender-rule.ts';

/**
 * Does one restriction rule forbid the tender for this receipt? Each code it names must match: the
 * transaction type, and a line item type present on the receipt. A rule naming both forbids only when
 * both match (interp. of the seed's "a pay-in item is not allowed for a sales transaction").
 */
export function restrictionMatches(rule: TenderRestrictionRule, receipt: TenderReceipt): boolean {
  const tt = rule.forbiddenTransactionTypeCode;
  const lit = rule.forbiddenLineItemTypeCode;
  if (tt === undefined && lit === undefined) return false;
  const ttMatches = tt === undefined || tt === receipt.transactionType;
  const litMatches = lit === undefined || receipt.lineItems.some((item) => item.type === lit);
  return ttMatches && litMatches;
}

function describe(rule: TenderRestrictionRule): string {
  const parts = [];
  if (rule.forbiddenTransactionTypeCode !== undefined)
    parts.push(`transaction type ${rule.forbiddenTransactionTypeCode}`);
  if (rule.forbiddenLineItemTypeCode !== undefined)
    parts.push(`line item type ${rule.forbiddenLineItemTypeCode}`);
  return parts.join(' with ');
}

/** TA-07: the tender's restriction rules (TenderRestrictionRuleList). */
export const restrictionRule: TenderRule = {
  family: 'TA-07',
  check: ({ receipt }, tender) => {
    const matching = (tender.restrictionRules ?? [])
      .filter((r) => restrictionMatches(r, receipt))
      .map(describe);
    if (matching.length === 0) return undefined;
    const which = [...new Set(matching)].sort().join('; ');
    return { rule: 'TA-07', reason: `tender ${tender.tenderTypeCode} is forbidden for ${which}` };
  },
};
