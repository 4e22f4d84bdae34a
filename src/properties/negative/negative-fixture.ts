import type { Driver } from '../../driver/driver.ts';
import type { OperationId } from '../../driver/operation.ts';
import { TargetSession } from '../target-session.ts';

export interface ValidRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** A tenant with something of every kind for the operations to act on, and a valid request for each. */
export interface NegativeFixture {
  session: TargetSession;
  /** A valid request for every operation that takes a body (mutating or not) the target claims. */
  valid: Partial<Record<OperationId, ValidRequest>>;
  /** A valid request for every read of the tenant's resources and reports. */
  reads: Partial<Record<OperationId, ValidRequest>>;
  /** The ids and numbers the fixture made, for generators that should name something that exists. */
  known: { voucherType: string; vouchers: string[]; numbers: string[] };
  /** Reads that together show the tenant's whole state: its vouchers, ledgers, hold, payment, template. */
  snapshot(): Promise<string>;
}

const receipt = { number: 'NEG-1', store: 'S1', register: 'POS1', channel: 'pos' };
const tenderConfig = {
  tenders: [{ tenderTypeCode: 'CASH', isoCurrencyCode: 'EUR', restrictionRules: [] }],
  switches: { checkCustomerGroupTender: false, checkReasonTender: false },
};
const eur = (amount: number) => ({ amount, currency: 'EUR' });

async function must<T>(what: string, p: Promise<{ completion: string } & Partial<{ body: T }>>): Promise<T> {
  const answer = await p;
  if (answer.completion !== 'ok') throw new Error(`fixture: ${what} failed: ${JSON.stringify(answer)}`);
  return answer.body as T;
}

export async function negativeFixture(driver: Driver): Promise<NegativeFixture> {
  const claimed = await driver.capabilities();
  const r = new TargetSession(driver, await driver.setup(), claimed);
  const type = await must<{ id: string }>(
    'createVoucherType',
    r.call({
      operationId: 'createVoucherType',
      body: {
        code: 'NEG',
        name: 'Negative data',
        currency: 'EUR',
        productCode: 'GIFT',
        validityDays: 365,
        reusable: true,
        topUpAllowed: true,
        policy: claimed.includes('amount-holds') ? 'amount-holds' : 'balance-guard',
        holdTtlSeconds: 86_400,
      },
    }),
  );
  const template = await must<{ id: string }>(
    'createTemplate',
    r.call({
      operationId: 'createTemplate',
      body: { voucherTypeId: type.id, code: 'NEG', numberPrefix: 'N', capacity: 10 },
    }),
  );
  const issued = await must<{ vouchers: Array<{ id: string; number?: string }> }>(
    'issueVouchers',
    r.call({
      operationId: 'issueVouchers',
      params: { id: template.id },
      body: { count: 2, denomination: eur(5000) },
    }),
  );
  const [active, prepared] = issued.vouchers.map((v) => v.id) as [string, string];
  await must('startSale', r.call({ operationId: 'startSale', params: { id: active }, body: { receipt } }));
  await must('completeSale', r.call({ operationId: 'completeSale', params: { id: active }, body: {} }));
  const hold = await must<{ id: string }>(
    'createHold',
    r.call({ operationId: 'createHold', params: { id: active }, body: { amount: eur(700), receipt } }),
  );
  const paid = claimed.includes('one-step-redeem')
    ? await must<{ id: string }>(
        'redeem',
        r.call({ operationId: 'redeem', params: { id: active }, body: { amount: eur(300), receipt } }),
      )
    : null;
  const tenders = claimed.includes('tenders');
  if (tenders)
    await must(
      'loadTenderConfig',
      r.call({ operationId: 'loadTenderConfig', auth: { role: 'backoffice' }, body: tenderConfig }),
    );
  const v = { id: active };
  const valid: NegativeFixture['valid'] = {
    createVoucherType: {
      body: {
        code: 'NEG2',
        name: 'n',
        currency: 'EUR',
        productCode: 'G',
        validityDays: 30,
        reusable: true,
        topUpAllowed: false,
        policy: 'balance-guard',
      },
    },
    createTemplate: { body: { voucherTypeId: type.id, code: 'NEG2', numberPrefix: 'M', capacity: 5 } },
    issueVouchers: { params: { id: template.id }, body: { count: 1, denomination: eur(100) } },
    startSale: { params: { id: prepared }, body: { receipt } },
    completeSale: { params: v, body: {} },
    cancelSale: { params: v, body: {} },
    startReturn: { params: v, body: { receipt } },
    completeReturn: { params: v, body: { outcome: 'refunded' } },
    cancelReturn: { params: v, body: {} },
    cancelVoucher: { params: v, body: { reason: 'compromised' } },
    restoreVoucher: { params: v, body: {} },
    setValidity: { params: v, body: { expiresAt: '2031-01-01T00:00:00.000Z' } },
    topUp: { params: v, body: { amount: eur(100), receipt } },
    createHold: { params: v, body: { amount: eur(100), receipt } },
    captureHold: { params: { id: hold.id }, body: { amount: eur(100) } },
    releaseHold: { params: { id: hold.id }, body: {} },
    redeem: { params: v, body: { amount: eur(100), receipt } },
    ...(paid ? { refundRedemption: { params: { id: paid.id }, body: { amount: eur(100), receipt } } } : {}),
    ...(tenders
      ? {
          loadTenderConfig: { body: tenderConfig },
          evaluateTenders: {
            body: {
              transactionType: 'SALE',
              lineItems: [{ type: 'ITEM' }],
              total: eur(1000),
              tenders: ['CASH'],
            },
          },
          checkTenderExchange: { body: { from: 'CASH', to: 'CASH' } },
        }
      : {}),
  };
  const reads: NegativeFixture['reads'] = {
    getVoucherType: { params: { id: type.id } },
    getTemplate: { params: { id: template.id } },
    getVoucher: { params: v },
    getBalance: { params: v },
    getLedger: { params: v },
    lookupVoucher: { query: { number: issued.vouchers[0]?.number ?? '' } },
    getHold: { params: { id: hold.id } },
    ...(paid ? { getRedemption: { params: { id: paid.id } } } : {}),
    ...(tenders ? { getTenderConfig: {} } : {}),
    ...(claimed.includes('reports')
      ? {
          reportVouchers: { query: { limit: '10' } },
          reportActivity: { query: { period: 'day' } },
          reportLiability: {},
          reportUses: { query: { voucherId: active } },
        }
      : {}),
  };
  const read = async (p: Promise<unknown>) => JSON.stringify(await p);
  const snapshot = async () =>
    (
      await Promise.all([
        read(driver.invoke({ operationId: 'getVoucher', params: { id: active } })),
        read(driver.invoke({ operationId: 'getLedger', params: { id: active } })),
        read(driver.invoke({ operationId: 'getVoucher', params: { id: prepared } })),
        read(driver.invoke({ operationId: 'getLedger', params: { id: prepared } })),
        read(driver.invoke({ operationId: 'getHold', params: { id: hold.id } })),
        read(driver.invoke({ operationId: 'getTemplate', params: { id: template.id } })),
        ...(paid ? [read(driver.invoke({ operationId: 'getRedemption', params: { id: paid.id } }))] : []),
        ...(tenders ? [read(driver.invoke({ operationId: 'getTenderConfig' }))] : []),
      ])
    ).join('\n');
  const known = {
    voucherType: type.id,
    vouchers: [active, prepared],
    numbers: issued.vouchers.flatMap((x) => (x.number === undefined ? [] : [x.number])),
  };
  return { session: r, valid, reads, known, snapshot };
}
