import type { Policy } from '../../spec/capabilities.ts';
import { describeCompletion } from '../../src/driver/completion.ts';
import type { Driver } from '../../src/driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../../src/driver/operation.ts';

export interface VoucherBatch {
  policy: Policy;
  /** How many vouchers to race on. */
  count: number;
  /** Each voucher's denomination in minor units. */
  funds: number;
  currency: string;
  /** Default time-to-live of the type's holds (the counters ask for their own). */
  holdTtlSeconds?: number;
  /** Makes the type's and template's codes unique in a shared tenant. */
  runId: string;
}

async function must<Id extends OperationId>(driver: Driver, operation: Operation<Id>): Promise<ResultOf<Id>> {
  const answer = await driver.invoke(operation);
  if (answer.completion !== 'ok')
    throw new Error(`preparing the race: ${operation.operationId} ${describeCompletion(answer)}`);
  return answer.body;
}

/** Issues and sells (activates) vouchers of a type under the given policy, through the driver. */
export async function prepareVouchers(driver: Driver, batch: VoucherBatch): Promise<string[]> {
  const code = `RACE-${batch.runId}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64);
  const office = { role: 'backoffice' } as const;
  const type = await must(driver, {
    operationId: 'createVoucherType',
    body: {
      code,
      name: `race voucher ${batch.policy}`,
      currency: batch.currency,
      productCode: code,
      validityDays: 365,
      reusable: true,
      topUpAllowed: false,
      policy: batch.policy,
      holdTtlSeconds: batch.holdTtlSeconds ?? 5,
    } as never,
    auth: office,
  });
  const template = await must(driver, {
    operationId: 'createTemplate',
    body: { voucherTypeId: type.id, code, numberPrefix: '', capacity: batch.count },
    auth: office,
  });
  const issued = await must(driver, {
    operationId: 'issueVouchers',
    params: { id: template.id },
    body: {
      count: batch.count,
      denomination: { amount: batch.funds, currency: batch.currency },
      store: 'S1',
    } as never,
    auth: office,
  });
  const receipt = { number: `SALE-${code}`.slice(0, 64), store: 'S1', register: 'POS-SETUP', channel: 'pos' };
  for (const voucher of issued.vouchers) {
    await must(driver, {
      operationId: 'startSale',
      params: { id: voucher.id },
      body: { receipt } as never,
      auth: { role: 'pos' },
    });
    await must(driver, {
      operationId: 'completeSale',
      params: { id: voucher.id },
      body: {},
      auth: { role: 'pos' },
    });
  }
  return issued.vouchers.map((v) => v.id);
}
