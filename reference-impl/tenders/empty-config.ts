import type { TenderConfig } from '../../spec/schemas/tenders.ts';

/** The configuration of a tenant that never loaded one: no tenders, switches off. */
export function emptyTenderConfig(): TenderConfig {
  return {
    tenders: [],
    customerTenderGroups: [],
    customerTenderGroupTenders: [],
    customerGroups: [],
    customers: [],
    tenderAdjustmentRules: [],
    tenderSaleReturnRules: [],
    reasonTenders: [],
    reasons: [],
    switches: { checkCustomerGroupTender: false, checkReasonTender: false },
  };
}
