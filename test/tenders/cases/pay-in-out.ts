import type { RuleCase } from '../case-runner.ts';
import { allSeedTenders, config, receipt } from '../config-builder.ts';

/** Seed 002: reason 6301 (change of pay-out) allows cash; reason 6302 (petty cash) has LIMIT 1000. */
const payConfig = (checkReasonTender: boolean) =>
  config({
    tenders: allSeedTenders,
    reasonTenders: [
      { reasonCode: '6301', reasonCodeGroupCode: 'E', tenderTypeCode: 'ZTCS' },
      { reasonCode: '6302', reasonCodeGroupCode: 'E', tenderTypeCode: 'ZTCS' },
    ],
    reasons: [
      {
        reasonCode: '6301',
        reasonCodeGroupCode: 'E',
        description: 'Wechselgeld von Auszahlung',
        parameters: [],
      },
      {
        reasonCode: '6302',
        reasonCodeGroupCode: 'E',
        description: 'Portokasse',
        parameters: [{ code: 'LIMIT', value: '1000' }],
      },
    ],
    switches: { checkReasonTender },
  });

const payIn = (reasonCode: string, amount: number, currency = 'EUR', reasonCodeGroupCode?: string) =>
  receipt({
    transactionType: 'PI',
    lineItems: [{ type: 'PI' }],
    total: { amount, currency },
    payInOut: {
      reasonCode,
      amount: { amount, currency },
      ...(reasonCodeGroupCode ? { reasonCodeGroupCode } : {}),
    },
  });

/** TA-10: with checkReasonTender on, only the reason's tenders. */
export const reasonTenderCases: RuleCase[] = [
  {
    name: 'pay-in for reason 6301: cash only',
    config: payConfig(true),
    receipt: payIn('6301', 5000),
    expect: { ZTCS: true, ZTVO: ['TA-10'], ZTKR: ['TA-10'] },
  },
  {
    name: 'checkReasonTender off: any tender',
    config: payConfig(false),
    receipt: payIn('6301', 5000),
    expect: { ZTCS: true, ZTVO: true },
  },
  {
    name: 'reason group given and matching',
    config: payConfig(true),
    receipt: payIn('6301', 5000, 'EUR', 'E'),
    expect: { ZTCS: true, ZTVO: ['TA-10'] },
  },
  {
    name: 'reason group given and not matching',
    config: payConfig(true),
    receipt: payIn('6301', 5000, 'EUR', 'X'),
    expect: { ZTCS: ['TA-10'] },
  },
  {
    name: 'no pay-in: no reason check',
    config: payConfig(true),
    receipt: receipt(),
    expect: { ZTCS: true, ZTVO: true },
  },
];

/** TA-11: LIMIT 1000 of reason 6302, in major units of the currency; at the limit is allowed. */
export const limitCases: RuleCase[] = [
  {
    name: 'pay-in of 1000.00 EUR at the limit',
    config: payConfig(true),
    receipt: payIn('6302', 100000),
    expect: { ZTCS: true },
  },
  {
    name: 'pay-in of 999.99 EUR',
    config: payConfig(true),
    receipt: payIn('6302', 99999),
    expect: { ZTCS: true },
  },
  {
    name: 'pay-in of 1000.01 EUR above the limit',
    config: payConfig(true),
    receipt: payIn('6302', 100001),
    expect: { ZTCS: ['TA-11'], ZTVO: ['TA-10', 'TA-11'] },
  },
  {
    name: 'the limit holds with checkReasonTender off',
    config: payConfig(false),
    receipt: payIn('6302', 150000),
    expect: { ZTCS: ['TA-11'], ZTVO: ['TA-11'] },
  },
  {
    name: '1000 JPY at the limit (no minor units)',
    config: payConfig(true),
    receipt: payIn('6302', 1000, 'JPY'),
    expect: { ZTCS: true },
  },
  {
    name: '1001 JPY above it',
    config: payConfig(true),
    receipt: payIn('6302', 1001, 'JPY'),
    expect: { ZTCS: ['TA-11'] },
  },
  {
    name: 'reason 6301 has no limit',
    config: payConfig(true),
    receipt: payIn('6301', 900000000),
    expect: { ZTCS: true },
  },
];
