import fc from 'fast-check';
import type { TenderConfig, TenderReceipt } from '../../spec/schemas/tenders.ts';

/** Small pools so that generated receipts often hit the configuration. */
const tenderCodes = ['T0', 'T1', 'T2', 'T3', 'T4', 'T5'];
const groupCodes = ['G0', 'G1', 'G2'];
const customerGroupIds = ['C0', 'C1', 'C2'];
const transactionTypes = ['SA', 'RT', 'PI', 'PO'];
const lineItemTypes = ['SI', 'PI', 'PO', 'RI'];
const reasonCodes = ['6301', '6302'];
const moments = ['2014-01-01T00:00:00Z', '2024-05-01T12:00:00Z', '2030-01-01T00:00:00Z'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pairs = (as: readonly string[], bs: readonly string[]) =>
  as.flatMap((a) => bs.map((b) => [a, b] as const));

const restrictionRule = fc
  .record({
    forbiddenTransactionTypeCode: maybe(pick(transactionTypes)),
    forbiddenLineItemTypeCode: maybe(pick(lineItemTypes)),
  })
  .filter((r) => r.forbiddenTransactionTypeCode !== undefined || r.forbiddenLineItemTypeCode !== undefined)
  .map(
    (r) =>
      JSON.parse(JSON.stringify(r)) as {
        forbiddenTransactionTypeCode?: string;
        forbiddenLineItemTypeCode?: string;
      },
  );

const tender = (code: string) =>
  fc.record({
    tenderTypeCode: fc.constant(code),
    isoCurrencyCode: pick(['EUR', 'CAD', 'MXN']),
    blockingFlag: fc.boolean(),
    exclusiveFlag: fc.boolean(),
    saleReturnTypeCode: pick(['SALES_AND_RETURNS', 'SALES', 'RETURNS'] as const),
    restrictionRules: fc.array(restrictionRule, { maxLength: 2 }),
  });

const strip = <T>(o: T): T => JSON.parse(JSON.stringify(o));

/** A valid configuration: unique keys, every reference known, at most one default group. */
export const tenderConfigArb: fc.Arbitrary<TenderConfig> = fc
  .record({
    tenders: subset(tenderCodes).chain((codes) => fc.tuple(...codes.map(tender))),
    groups: subset(groupCodes),
    defaultGroup: maybe(pick(groupCodes)),
    members: subset(pairs(groupCodes, tenderCodes)).chain((ps) =>
      fc.tuple(...ps.map((p) => fc.tuple(fc.constant(p), maybe(pick(moments))))),
    ),
    customerGroups: subset(customerGroupIds).chain((ids) =>
      fc.tuple(...ids.map((id) => fc.tuple(fc.constant(id), maybe(pick(groupCodes))))),
    ),
    customers: fc.array(subset(customerGroupIds), { maxLength: 3 }),
    exchanges: subset(pairs(tenderCodes, tenderCodes)),
    returns: subset(pairs(tenderCodes, tenderCodes)),
    reasonTenders: subset(pairs(reasonCodes, tenderCodes)),
    limits: fc.tuple(maybe(pick(['0', '10', '1000', '12.5'])), maybe(pick(['0', '10', '1000', '12.5']))),
    switches: fc.record({ checkCustomerGroupTender: fc.boolean(), checkReasonTender: fc.boolean() }),
  })
  .map((g) => {
    const known = new Set(g.tenders.map((t) => t.tenderTypeCode));
    const groups = new Set(g.groups);
    const cgs = g.customerGroups.filter(([, tg]) => tg === undefined || groups.has(tg));
    const cgIds = new Set(cgs.map(([id]) => id));
    return strip({
      tenders: g.tenders,
      customerTenderGroups: g.groups.map((code) => ({
        customerTenderGroupCode: code,
        defaultFlag: code === g.defaultGroup,
      })),
      customerTenderGroupTenders: g.members
        .filter(([[group, t]]) => groups.has(group) && known.has(t))
        .map(([[group, t], from]) => ({
          customerTenderGroupCode: group,
          tenderTypeCode: t,
          timeStampEffective: from,
        })),
      customerGroups: cgs.map(([id, tg]) => ({ customerGroupId: id, allowedTermsOfPayments: tg })),
      customers: g.customers.map((ids, i) => ({
        customerId: `K${i}`,
        customerGroupIds: ids.filter((id) => cgIds.has(id)),
      })),
      tenderAdjustmentRules: g.exchanges
        .filter(([a, b]) => known.has(a) && known.has(b))
        .map(([a, b]) => ({ originalTenderTypeCode: a, newTenderTypeCode: b })),
      tenderSaleReturnRules: g.returns
        .filter(([a, b]) => known.has(a) && known.has(b))
        .map(([a, b]) => ({ returnTenderTypeCode: a, saleTenderTypeCode: b })),
      reasonTenders: g.reasonTenders
        .filter(([, t]) => known.has(t))
        .map(([r, t]) => ({ reasonCode: r, reasonCodeGroupCode: 'E', tenderTypeCode: t })),
      reasons: reasonCodes.map((code, i) => ({
        reasonCode: code,
        reasonCodeGroupCode: 'E',
        parameters: g.limits[i] === undefined ? [] : [{ code: 'LIMIT', value: g.limits[i] }],
      })),
      switches: g.switches,
    }) as TenderConfig;
  });

const codesWithUnknown = [...tenderCodes, 'TX'];

export const receiptArb: fc.Arbitrary<TenderReceipt> = fc
  .record({
    transactionType: pick(transactionTypes),
    lineItems: fc.array(
      pick(lineItemTypes).map((type) => ({ type })),
      { maxLength: 3 },
    ),
    total: fc.record({ amount: fc.integer({ min: -200000, max: 200000 }), currency: pick(['EUR', 'JPY']) }),
    customer: maybe(
      fc.record({ id: maybe(pick(['K0', 'K1', 'K9'])), groups: maybe(subset(customerGroupIds)) }),
    ),
    tenders: maybe(subset(codesWithUnknown)),
    originalTenders: maybe(subset(codesWithUnknown)),
    payInOut: maybe(
      fc.record({
        reasonCode: pick(reasonCodes),
        reasonCodeGroupCode: maybe(pick(['E', 'X'])),
        amount: fc.record({ amount: fc.integer({ min: 1, max: 200000 }), currency: pick(['EUR', 'JPY']) }),
      }),
    ),
  })
  .map((r) => strip(r) as TenderReceipt);

export const momentArb = pick(moments).map((m) => new Date(m));

/** A permutation of a list. */
export const permutation = <T>(xs: readonly T[]) =>
  fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

/** The same configuration with every list (and every list inside an entry) in another order. */
export function reordered(config: TenderConfig): fc.Arbitrary<TenderConfig> {
  return fc.record({
    tenders: permutation(config.tenders).chain((ts) =>
      fc.tuple(
        ...ts.map((t) =>
          permutation(t.restrictionRules ?? []).map((restrictionRules) => ({ ...t, restrictionRules })),
        ),
      ),
    ),
    customerTenderGroups: permutation(config.customerTenderGroups),
    customerTenderGroupTenders: permutation(config.customerTenderGroupTenders),
    customerGroups: permutation(config.customerGroups),
    customers: permutation(config.customers).chain((cs) =>
      fc.tuple(
        ...cs.map((c) =>
          permutation(c.customerGroupIds).map((customerGroupIds) => ({ ...c, customerGroupIds })),
        ),
      ),
    ),
    tenderAdjustmentRules: permutation(config.tenderAdjustmentRules),
    tenderSaleReturnRules: permutation(config.tenderSaleReturnRules),
    reasonTenders: permutation(config.reasonTenders),
    reasons: permutation(config.reasons),
    switches: fc.constant(config.switches),
  });
}
