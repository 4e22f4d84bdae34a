import type { RuleCase } from '../case-runner.ts';
import { allSeedTenders, config, receipt, seedTenders, tender } from '../config-builder.ts';

const { cash, giftCard, credit } = seedTenders;
const cheque = tender('ZTCH', { description: 'Cheque', blockingFlag: true });
const customerCard = tender('ZTCC', { description: 'Customer card', exclusiveFlag: true });

/** TA-01: a blocked tender is never allowed, not on a receipt, not in an exchange, not on a return. */
export const blockingCases: RuleCase[] = [
  {
    name: 'blocked cheque refused on a sale, cash allowed',
    config: config({ tenders: [cash, cheque] }),
    receipt: receipt(),
    expect: { ZTCH: ['TA-01'], ZTCS: true },
  },
  {
    name: 'blocked target of an exchange rule',
    config: config({
      tenders: [cash, { ...seedTenders.canadianDollar, blockingFlag: true }],
      tenderAdjustmentRules: [{ originalTenderTypeCode: 'ZTCS', newTenderTypeCode: 'ZTCD' }],
    }),
    exchange: ['ZTCS', 'ZTCD'],
    expect: ['TA-01'],
  },
  {
    name: 'blocked target of a return rule',
    config: config({
      tenders: [cash, { ...giftCard, blockingFlag: true }],
      tenderSaleReturnRules: [{ returnTenderTypeCode: 'ZTCS', saleTenderTypeCode: 'ZTVO' }],
    }),
    returnOf: { originalTenders: ['ZTCS'], tender: 'ZTVO' },
    expect: ['TA-01'],
  },
];

/** TA-05: once an exclusive tender is on the receipt, no other tender is allowed. */
export const exclusiveCases: RuleCase[] = [
  {
    name: 'customer card on the receipt excludes cash and gift card',
    config: config({ tenders: [cash, giftCard, customerCard] }),
    receipt: receipt({ tenders: ['ZTCC'] }),
    expect: { ZTCC: true, ZTCS: ['TA-05'], ZTVO: ['TA-05'] },
  },
  {
    name: 'exclusive tender not yet on the receipt excludes nothing',
    config: config({ tenders: [cash, giftCard, customerCard] }),
    receipt: receipt({ tenders: ['ZTCS'] }),
    expect: { ZTCC: true, ZTCS: true, ZTVO: true },
  },
];

const forSales = tender('ZTKR', { saleReturnTypeCode: 'SALES' });
const forReturns = tender('ZTRT', { saleReturnTypeCode: 'RETURNS' });
const saleReturnConfig = config({ tenders: [cash, forSales, forReturns] });

/** TA-06: SALES only on a positive total, RETURNS only on a negative one, SALES_AND_RETURNS on both. */
export const saleReturnCases: RuleCase[] = [
  {
    name: 'positive total: sales and both-ways tenders',
    config: saleReturnConfig,
    receipt: receipt({ total: { amount: 1000, currency: 'EUR' } }),
    expect: { ZTCS: true, ZTKR: true, ZTRT: ['TA-06'] },
  },
  {
    name: 'negative total: returns and both-ways tenders',
    config: saleReturnConfig,
    receipt: receipt({ transactionType: 'RT', total: { amount: -1000, currency: 'EUR' } }),
    expect: { ZTCS: true, ZTKR: ['TA-06'], ZTRT: true },
  },
  {
    name: 'zero total is neither a sale nor a return',
    config: saleReturnConfig,
    receipt: receipt({ total: { amount: 0, currency: 'EUR' } }),
    expect: { ZTCS: true, ZTKR: ['TA-06'], ZTRT: ['TA-06'] },
  },
];

const restricted = config({
  tenders: [
    { ...cash, restrictionRules: [{ forbiddenTransactionTypeCode: 'SA', forbiddenLineItemTypeCode: 'PI' }] },
    { ...giftCard, restrictionRules: [{ forbiddenTransactionTypeCode: 'RT' }] },
    { ...credit, restrictionRules: [{ forbiddenLineItemTypeCode: 'PI' }] },
  ],
});

/** TA-07: restriction rules; a rule naming both codes forbids only when both match (interp.). */
export const restrictionCases: RuleCase[] = [
  {
    name: 'pay-in item on a sale: the seed example forbids cash',
    config: restricted,
    receipt: receipt({ lineItems: [{ type: 'SI' }, { type: 'PI' }] }),
    expect: { ZTCS: ['TA-07'], ZTVO: true, ZTKR: ['TA-07'] },
  },
  {
    name: 'sale without pay-in item: the both-codes rule does not match',
    config: restricted,
    receipt: receipt({ lineItems: [{ type: 'SI' }] }),
    expect: { ZTCS: true, ZTVO: true, ZTKR: true },
  },
  {
    name: 'pay-in item on another transaction type: only the line-item rule matches',
    config: restricted,
    receipt: receipt({ transactionType: 'PO', lineItems: [{ type: 'PI' }] }),
    expect: { ZTCS: true, ZTVO: true, ZTKR: ['TA-07'] },
  },
  {
    name: 'forbidden transaction type alone',
    config: restricted,
    receipt: receipt({ transactionType: 'RT', total: { amount: -500, currency: 'EUR' } }),
    expect: { ZTCS: true, ZTVO: ['TA-07'], ZTKR: true },
  },
];

export const unrestricted: RuleCase = {
  name: 'seed tenders without any rule: everything allowed',
  config: config({ tenders: allSeedTenders }),
  receipt: receipt(),
  expect: Object.fromEntries(allSeedTenders.map((t) => [t.tenderTypeCode, true])),
};
