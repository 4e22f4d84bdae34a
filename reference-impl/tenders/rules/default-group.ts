import type { TenderReceipt } from '../../../spec/schemas/tenders.ts';
import { bestMembership } from './group-membership.ts';
import type { TenderRule } from './tender-rule.ts';

/** A receipt without a customer: no customer, or one with neither an id nor groups. */
export function hasNoCustomer(receipt: TenderReceipt): boolean {
  const c = receipt.customer;
  return !c || (c.id === undefined && (c.groups ?? []).length === 0);
}

/**
 * TA-04: on a receipt without a customer, when a customer tender group has DefaultFlag = true, only its
 * (effective, TA-03) members are allowed. Not tied to checkCustomerGroupTender (interp.: the seed ties
 * that switch only to customer groups).
 */
export const defaultGroupRule: TenderRule = {
  family: 'TA-04',
  check: ({ index, receipt, now }, tender) => {
    if (index.defaultGroups.length === 0 || !hasNoCustomer(receipt)) return undefined;
    const best = bestMembership(index, index.defaultGroups, tender.tenderTypeCode, now);
    if (best.state === 'member') return undefined;
    if (best.state === 'not-yet') {
      return {
        rule: 'TA-03',
        reason: `tender ${tender.tenderTypeCode} joins default tender group ${best.group} only at ${best.from}`,
      };
    }
    return {
      rule: 'TA-04',
      reason: `receipt without customer: tender ${tender.tenderTypeCode} is not in default tender group ${index.defaultGroups.join(', ')}`,
    };
  },
};
