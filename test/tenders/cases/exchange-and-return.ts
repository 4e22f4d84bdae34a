import type { RuleCase } from '../case-runner.ts';
import { allSeedTenders, config, receipt } from '../config-builder.ts';

/** Seed 002: cash may be exchanged into Canadian dollars and into Mexican pesos. */
const exchangeConfig = config({
  tenders: allSeedTenders,
  tenderAdjustmentRules: [
    { originalTenderTypeCode: 'ZTCS', newTenderTypeCode: 'ZTCD' },
    { originalTenderTypeCode: 'ZTCS', newTenderTypeCode: 'ZTMX' },
  ],
});

/** TA-08: exchange only along configured pairs; several per source tender. */
export const exchangeCases: RuleCase[] = [
  { name: 'cash to Canadian dollar', config: exchangeConfig, exchange: ['ZTCS', 'ZTCD'], expect: true },
  {
    name: 'cash to Mexican peso (second rule of the same source)',
    config: exchangeConfig,
    exchange: ['ZTCS', 'ZTMX'],
    expect: true,
  },
  {
    name: 'Canadian dollar back to cash: no rule',
    config: exchangeConfig,
    exchange: ['ZTCD', 'ZTCS'],
    expect: ['TA-08'],
  },
  {
    name: 'cash to gift card: no rule',
    config: exchangeConfig,
    exchange: ['ZTCS', 'ZTVO'],
    expect: ['TA-08'],
  },
  { name: 'an unknown tender', config: exchangeConfig, exchange: ['ZTCS', 'ZTQQ'], expect: ['TA-08'] },
];

/** Seed 002: a receipt paid in cash may be refunded to a gift card. */
const returnConfig = config({
  tenders: allSeedTenders,
  tenderSaleReturnRules: [{ returnTenderTypeCode: 'ZTCS', saleTenderTypeCode: 'ZTVO' }],
});
const aReturn = { transactionType: 'RT', total: { amount: -2500, currency: 'EUR' } } as const;

/** TA-09: returns based on the original receipt. */
export const returnCases: RuleCase[] = [
  {
    name: 'original paid in cash: refund to gift card only',
    config: returnConfig,
    receipt: receipt({ ...aReturn, originalTenders: ['ZTCS'] }),
    expect: { ZTVO: true, ZTCS: ['TA-09'], ZTKR: ['TA-09'], ZTCD: ['TA-09'] },
  },
  {
    name: 'return check ZTCS → ZTVO',
    config: returnConfig,
    returnOf: { originalTenders: ['ZTCS'], tender: 'ZTVO' },
    expect: true,
  },
  {
    name: 'return check the other way round',
    config: returnConfig,
    returnOf: { originalTenders: ['ZTVO'], tender: 'ZTCS' },
    expect: ['TA-09'],
  },
  {
    name: 'two tenders on the original: what either leads to',
    config: config({
      tenders: allSeedTenders,
      tenderSaleReturnRules: [
        { returnTenderTypeCode: 'ZTCS', saleTenderTypeCode: 'ZTVO' },
        { returnTenderTypeCode: 'ZTKR', saleTenderTypeCode: 'ZTKR' },
      ],
    }),
    receipt: receipt({ ...aReturn, originalTenders: ['ZTCS', 'ZTKR'] }),
    expect: { ZTVO: true, ZTKR: true, ZTCS: ['TA-09'] },
  },
  {
    name: 'a return without original receipt is not restricted by return rules',
    config: returnConfig,
    receipt: receipt(aReturn),
    expect: { ZTVO: true, ZTCS: true, ZTKR: true },
  },
];
