import type { Tender, TenderConfig } from '../../../spec/schemas/tenders.ts';
import type { Sourced, SourcedConfig } from './sourced-config.ts';

function byKey<T>(keyOf: (v: T) => string) {
  return (entries: Sourced<T>[]): T[] =>
    entries
      .map((e) => e.value)
      .sort((a, b) => {
        const ka = keyOf(a);
        const kb = keyOf(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
}

const join = (...parts: (string | undefined)[]) => parts.map((p) => p ?? '').join('\u0000');

function tenderWithDefaults(t: Tender): Tender {
  const rules = [...(t.restrictionRules ?? [])].sort((a, b) => {
    const ka = join(a.forbiddenTransactionTypeCode, a.forbiddenLineItemTypeCode);
    const kb = join(b.forbiddenTransactionTypeCode, b.forbiddenLineItemTypeCode);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return {
    tenderTypeCode: t.tenderTypeCode,
    ...(t.tenderClassCode === undefined ? {} : { tenderClassCode: t.tenderClassCode }),
    isoCurrencyCode: t.isoCurrencyCode,
    ...(t.description === undefined ? {} : { description: t.description }),
    blockingFlag: t.blockingFlag ?? false,
    exclusiveFlag: t.exclusiveFlag ?? false,
    saleReturnTypeCode: t.saleReturnTypeCode ?? 'SALES_AND_RETURNS',
    restrictionRules: rules,
  };
}

/**
 * The canonical JSON form of a checked configuration: defaults filled in, every list sorted by its key,
 * switches merged. Two imports of the same entries in any order give equal results.
 */
export function canonicalConfig(c: SourcedConfig): TenderConfig {
  const switches = Object.assign({}, ...c.switches.map((s) => s.value));
  return {
    tenders: byKey<Tender>((t) => t.tenderTypeCode)(c.tenders).map(tenderWithDefaults),
    customerTenderGroups: byKey(
      (g: TenderConfig['customerTenderGroups'][number]) => g.customerTenderGroupCode,
    )(c.customerTenderGroups).map((g) => ({ ...g, defaultFlag: g.defaultFlag ?? false })),
    customerTenderGroupTenders: byKey((g: TenderConfig['customerTenderGroupTenders'][number]) =>
      join(g.customerTenderGroupCode, g.tenderTypeCode),
    )(c.customerTenderGroupTenders),
    customerGroups: byKey((g: TenderConfig['customerGroups'][number]) => g.customerGroupId)(c.customerGroups),
    customers: byKey((x: TenderConfig['customers'][number]) => x.customerId)(c.customers).map((x) => ({
      ...x,
      customerGroupIds: [...new Set(x.customerGroupIds)].sort(),
    })),
    tenderAdjustmentRules: byKey((r: TenderConfig['tenderAdjustmentRules'][number]) =>
      join(r.originalTenderTypeCode, r.newTenderTypeCode),
    )(c.tenderAdjustmentRules),
    tenderSaleReturnRules: byKey((r: TenderConfig['tenderSaleReturnRules'][number]) =>
      join(r.returnTenderTypeCode, r.saleTenderTypeCode),
    )(c.tenderSaleReturnRules),
    reasonTenders: byKey((r: TenderConfig['reasonTenders'][number]) =>
      join(r.reasonCodeGroupCode, r.reasonCode, r.tenderTypeCode),
    )(c.reasonTenders),
    reasons: byKey((r: TenderConfig['reasons'][number]) => join(r.reasonCodeGroupCode, r.reasonCode))(
      c.reasons,
    ).map((r) => ({
      ...r,
      parameters: [...(r.parameters ?? [])].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    })),
    switches: {
      checkCustomerGroupTender: switches.checkCustomerGroupTender ?? false,
      checkReasonTender: switches.checkReasonTender ?? false,
    },
  };
}
