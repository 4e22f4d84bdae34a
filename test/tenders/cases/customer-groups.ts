import type { TenderConfig } from '../../../spec/schemas/tenders.ts';
import type { RuleCase } from '../case-runner.ts';
import { allSeedTenders, config, receipt } from '../config-builder.ts';

/** Seed 002: tender group CREDIT holds ZTKR from 2014, customer group CR may pay only with CREDIT. */
function creditSetup(more: Partial<TenderConfig> = {}, checkCustomerGroupTender = true): TenderConfig {
  return config({
    tenders: allSeedTenders,
    customerTenderGroups: [{ customerTenderGroupCode: 'CREDIT', description: 'Credit', defaultFlag: false }],
    customerTenderGroupTenders: [
      {
        customerTenderGroupCode: 'CREDIT',
        tenderTypeCode: 'ZTKR',
        timeStampEffective: '2014-01-01T00:00:00Z',
      },
    ],
    customerGroups: [{ customerGroupId: 'CR', name: 'Credit', allowedTermsOfPayments: 'CREDIT' }],
    customers: [{ customerId: '0000010014', customerGroupIds: ['CR'] }],
    ...more,
    switches: { checkCustomerGroupTender, checkReasonTender: false },
  });
}

const onlyCredit = {
  ZTKR: true,
  ZTCS: ['TA-02'],
  ZTVO: ['TA-02'],
  ZTCD: ['TA-02'],
  ZTMX: ['TA-02'],
} as const;
const everything = { ZTKR: true, ZTCS: true, ZTVO: true, ZTCD: true, ZTMX: true } as const;

/** TA-02: exclusive customer tender through the customer's groups, when checkCustomerGroupTender is on. */
export const customerGroupCases: RuleCase[] = [
  {
    name: 'customer 0000010014 of group CR (by import) pays only with CREDIT tenders',
    config: creditSetup(),
    receipt: receipt({ customer: { id: '0000010014' } }),
    expect: onlyCredit,
  },
  {
    name: 'customer group CR given on the receipt',
    config: creditSetup(),
    receipt: receipt({ customer: { groups: ['CR'] } }),
    expect: onlyCredit,
  },
  {
    name: 'checkCustomerGroupTender off: the group does not restrict',
    config: creditSetup({}, false),
    receipt: receipt({ customer: { id: '0000010014' } }),
    expect: everything,
  },
  {
    name: 'customer of a group without AllowedTermsOfPayments',
    config: creditSetup({ customerGroups: [{ customerGroupId: 'CR', name: 'Credit' }] }),
    receipt: receipt({ customer: { id: '0000010014' } }),
    expect: everything,
  },
  {
    name: 'two restricting groups: the union of their tender groups (interp.)',
    config: creditSetup({
      customerTenderGroups: [
        { customerTenderGroupCode: 'CREDIT', defaultFlag: false },
        { customerTenderGroupCode: 'STAFF', defaultFlag: false },
      ],
      customerTenderGroupTenders: [
        { customerTenderGroupCode: 'CREDIT', tenderTypeCode: 'ZTKR' },
        { customerTenderGroupCode: 'STAFF', tenderTypeCode: 'ZTVO' },
      ],
      customerGroups: [
        { customerGroupId: 'CR', allowedTermsOfPayments: 'CREDIT' },
        { customerGroupId: 'ST', allowedTermsOfPayments: 'STAFF' },
      ],
      customers: [{ customerId: '0000010014', customerGroupIds: ['CR', 'ST'] }],
    }),
    receipt: receipt({ customer: { id: '0000010014' } }),
    expect: { ZTKR: true, ZTVO: true, ZTCS: ['TA-02'] },
  },
];

const future = '2030-01-01T00:00:00Z';

/** TA-03: a tender joins its group only from TimeStampEffective on (inclusive). */
export const effectiveTimeCases: RuleCase[] = [
  {
    name: 'ZTKR joins CREDIT only in 2030: refused before',
    config: creditSetup({
      customerTenderGroupTenders: [
        { customerTenderGroupCode: 'CREDIT', tenderTypeCode: 'ZTKR', timeStampEffective: future },
      ],
    }),
    receipt: receipt({ customer: { id: '0000010014' } }),
    expect: { ZTKR: ['TA-03'], ZTCS: ['TA-02'] },
  },
  {
    name: 'ZTKR joins CREDIT only in 2030: allowed from that instant',
    config: creditSetup({
      customerTenderGroupTenders: [
        { customerTenderGroupCode: 'CREDIT', tenderTypeCode: 'ZTKR', timeStampEffective: future },
      ],
    }),
    receipt: receipt({ customer: { id: '0000010014' } }),
    now: new Date(future),
    expect: { ZTKR: true, ZTCS: ['TA-02'] },
  },
  {
    name: 'a default-group member that is not yet effective',
    config: config({
      tenders: allSeedTenders,
      customerTenderGroups: [{ customerTenderGroupCode: 'DEFAULT', defaultFlag: true }],
      customerTenderGroupTenders: [
        {
          customerTenderGroupCode: 'DEFAULT',
          tenderTypeCode: 'ZTCS',
          timeStampEffective: '2014-01-01T00:00:00Z',
        },
        { customerTenderGroupCode: 'DEFAULT', tenderTypeCode: 'ZTVO', timeStampEffective: future },
      ],
    }),
    receipt: receipt(),
    expect: { ZTCS: true, ZTVO: ['TA-03'], ZTKR: ['TA-04'] },
  },
];

/** Seed 002: the DEFAULT group holds only cash, so receipts without customer close only with cash. */
const defaultSetup = (checkCustomerGroupTender: boolean) =>
  config({
    tenders: allSeedTenders,
    customerTenderGroups: [{ customerTenderGroupCode: 'DEFAULT', description: 'Default', defaultFlag: true }],
    customerTenderGroupTenders: [
      {
        customerTenderGroupCode: 'DEFAULT',
        tenderTypeCode: 'ZTCS',
        timeStampEffective: '2014-01-01T00:00:00Z',
      },
    ],
    switches: { checkCustomerGroupTender },
  });

const onlyCash = { ZTCS: true, ZTVO: ['TA-04'], ZTKR: ['TA-04'], ZTCD: ['TA-04'], ZTMX: ['TA-04'] } as const;

/** TA-04: the default group on receipts without customer. */
export const defaultGroupCases: RuleCase[] = [
  {
    name: 'receipt without customer closes only with cash',
    config: defaultSetup(false),
    receipt: receipt(),
    expect: onlyCash,
  },
  {
    name: 'the default group applies whatever checkCustomerGroupTender says (interp.)',
    config: defaultSetup(true),
    receipt: receipt(),
    expect: onlyCash,
  },
  {
    name: 'a receipt with a customer is not restricted by the default group',
    config: defaultSetup(false),
    receipt: receipt({ customer: { id: '0000099999' } }),
    expect: everything,
  },
  {
    name: 'no group with DefaultFlag: no restriction',
    config: creditSetup(),
    receipt: receipt(),
    expect: everything,
  },
];
