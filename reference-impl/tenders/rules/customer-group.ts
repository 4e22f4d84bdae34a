import type { TenderReceipt } from '../../../spec/schemas/tenders.ts';
import type { ConfigIndex } from '../config-index.ts';
import { bestMembership } from './group-membership.ts';
import type { TenderRule } from './tender-rule.ts';

/** The customer's groups: those on the receipt and those the customer has by import, sorted, without repeats. */
export function customerGroupsOf(index: ConfigIndex, receipt: TenderReceipt): string[] {
  const c = receipt.customer;
  if (!c) return [];
  const imported = c.id === undefined ? [] : (index.customers.get(c.id)?.customerGroupIds ?? []);
  return [...new Set([...(c.groups ?? []), ...imported])].sort();
}

/**
 * TA-02 / TA-03: with checkCustomerGroupTender on, a customer whose groups name tender groups
 * (AllowedTermsOfPayments) may use only tenders that are members of one of those groups (interp.: the
 * union when several groups restrict), and a member only from its TimeStampEffective on.
 */
export const customerGroupRule: TenderRule = {
  family: 'TA-02/03',
  check: ({ index, receipt, now }, tender) => {
    if (index.config.switches.checkCustomerGroupTender !== true) return undefined;
    const restricting = customerGroupsOf(index, receipt).flatMap((id) => {
      const g = index.customerGroups.get(id);
      return g?.allowedTermsOfPayments ? [{ customerGroup: id, tenderGroup: g.allowedTermsOfPayments }] : [];
    });
    if (restricting.length === 0) return undefined;
    const tenderGroups = [...new Set(restricting.map((r) => r.tenderGroup))].sort();
    const best = bestMembership(index, tenderGroups, tender.tenderTypeCode, now);
    if (best.state === 'member') return undefined;
    if (best.state === 'not-yet') {
      return {
        rule: 'TA-03',
        reason: `tender ${tender.tenderTypeCode} joins customer tender group ${best.group} only at ${best.from}`,
      };
    }
    const who = restricting.map((r) => `${r.customerGroup} → ${r.tenderGroup}`).join(', ');
    return {
      rule: 'TA-02',
      reason: `tender ${tender.tenderTypeCode} is not in the tender groups allowed for the customer (${who})`,
    };
  },
};
