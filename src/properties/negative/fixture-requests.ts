import type { Capability, Policy } from '../../../spec/capabilities.ts';
import type { OperationId } from '../../driver/operation.ts';
import { routeOf } from '../../driver/route-table.ts';
import type { ValidRequest } from './negative-fixture.ts';

export const receipt = { number: 'NEG-1', store: 'S1', register: 'POS1', channel: 'pos' };
/** The receipt of the requests spoilt, with a line: strings nested in an array of objects (issue 16). */
const receiptWithLine = {
  ...receipt,
  lines: [
    { product: 'GIFT', description: 'Gift card', quantity: 1, amount: { amount: 100, currency: 'EUR' } },
  ],
};
export const tenderConfig = {
  tenders: [{ tenderTypeCode: 'CASH', isoCurrencyCode: 'EUR', restrictionRules: [] }],
  switches: { checkCustomerGroupTender: false, checkReasonTender: false },
};
export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** What the fixture made, by the ids the target gave. */
export interface FixtureIds {
  /** An activated voucher with an open hold (with holds), and the one requests act on. */
  active: string;
  /** A prepared voucher (two-phase sale). */
  prepared?: string;
  typeKey: string;
  policy: Policy;
  templates?: { typeId: string; templateId: string };
  hold?: string;
  /** A redemption (one step, or a captured hold). */
  paid?: string;
  /** The active voucher's number (identifiers). */
  number?: string;
}

/** Whether an operation is the contract's core or belongs to a capability the target claims. */
const claimedRoute = (claimed: ReadonlySet<Capability>, id: OperationId): boolean => {
  const capability = routeOf(id).capability;
  return capability === undefined || claimed.has(capability);
};

/** Keeps the requests of operations the target claims. */
function onlyClaimed(
  claimed: ReadonlySet<Capability>,
  requests: Partial<Record<OperationId, ValidRequest>>,
): Partial<Record<OperationId, ValidRequest>> {
  return Object.fromEntries(
    Object.entries(requests).filter(([id]) => claimedRoute(claimed, id as OperationId)),
  ) as Partial<Record<OperationId, ValidRequest>>;
}

/**
 * A valid request for every claimed operation that takes a body (`valid`) and every claimed read of the
 * fixture's resources and reports (`reads`), naming what the fixture made.
 */
export function fixtureRequests(
  claimed: ReadonlySet<Capability>,
  ids: FixtureIds,
): { valid: Partial<Record<OperationId, ValidRequest>>; reads: Partial<Record<OperationId, ValidRequest>> } {
  const v = { id: ids.active };
  const valid = onlyClaimed(claimed, {
    ...(ids.templates
      ? {
          createVoucherType: {
            body: {
              code: `${ids.typeKey}-2`,
              name: 'n',
              currency: 'EUR',
              productCode: 'G',
              validityDays: 30,
              reusable: true,
              topUpAllowed: false,
              policy: ids.policy,
            },
          },
          createTemplate: {
            body: {
              voucherTypeId: ids.templates.typeId,
              code: `${ids.typeKey}-2`,
              numberPrefix: 'M',
              capacity: 5,
            },
          },
          issueVouchers: {
            params: { id: ids.templates.templateId },
            body: { count: 1, denomination: eur(100) },
          },
        }
      : {}),
    ...(ids.prepared
      ? { startSale: { params: { id: ids.prepared }, body: { receipt: receiptWithLine } } }
      : {}),
    completeSale: { params: v, body: {} },
    cancelSale: { params: v, body: {} },
    startReturn: { params: v, body: { receipt: receiptWithLine } },
    completeReturn: { params: v, body: { outcome: 'refunded' } },
    cancelReturn: { params: v, body: {} },
    cancelVoucher: { params: v, body: { reason: 'compromised' } },
    restoreVoucher: { params: v, body: {} },
    setValidity: { params: v, body: { expiresAt: '2031-01-01T00:00:00.000Z' } },
    topUp: { params: v, body: { amount: eur(100), receipt: receiptWithLine } },
    redeem: { params: v, body: { amount: eur(100), receipt: receiptWithLine } },
    ...(ids.hold
      ? {
          createHold: { params: v, body: { amount: eur(100), receipt: receiptWithLine } },
          captureHold: { params: { id: ids.hold }, body: { amount: eur(100) } },
          releaseHold: { params: { id: ids.hold }, body: {} },
        }
      : {}),
    ...(ids.paid
      ? {
          refundRedemption: {
            params: { id: ids.paid },
            body: { amount: eur(100), receipt: receiptWithLine },
          },
        }
      : {}),
    // A reason with a parameter: its value is a string no pattern guards, two arrays deep.
    loadTenderConfig: {
      body: {
        ...tenderConfig,
        reasons: [
          {
            reasonCode: 'R1',
            reasonCodeGroupCode: 'PAYIN',
            parameters: [{ code: 'NOTE', name: 'Note', value: 'petty cash' }],
          },
        ],
      },
    },
    evaluateTenders: {
      body: { transactionType: 'SALE', lineItems: [{ type: 'ITEM' }], total: eur(1000), tenders: ['CASH'] },
    },
    checkTenderExchange: { body: { from: 'CASH', to: 'CASH' } },
  });
  const reads = onlyClaimed(claimed, {
    ...(ids.templates
      ? {
          getVoucherType: { params: { id: ids.templates.typeId } },
          getTemplate: { params: { id: ids.templates.templateId } },
        }
      : {}),
    getVoucher: { params: v },
    getBalance: { params: v },
    getLedger: { params: v },
    ...(ids.number !== undefined ? { lookupVoucher: { query: { number: ids.number } } } : {}),
    ...(ids.hold ? { getHold: { params: { id: ids.hold } } } : {}),
    ...(ids.paid ? { getRedemption: { params: { id: ids.paid } } } : {}),
    getTenderConfig: {},
    reportVouchers: { query: { limit: '10' } },
    reportActivity: { query: { period: 'day' } },
    reportLiability: {},
    reportUses: { query: { voucherId: ids.active } },
  });
  return { valid, reads };
}
