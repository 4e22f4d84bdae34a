import type { Policy } from '../../spec/capabilities.ts';
import { describeCompletion } from '../../src/driver/completion.ts';
import type { Driver } from '../../src/driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../../src/driver/operation.ts';
import type { VoucherKind } from '../../src/race/voucher-kinds.ts';

export interface VoucherBatch {
  policy: Policy;
  /** One entry per voucher to race on: reusable, or one-time (used once, then redeemed). */
  kinds: readonly VoucherKind[];
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
  if (answer.completion !== 'ok' || answer.violations?.length)
    throw new Error(`preparing the race: ${operation.operationId} ${describeCompletion(answer)}`);
  return answer.body;
}

/** Issues and sells (activates) vouchers of a type under the given policy, through the driver: in order of `kinds`. */
export async function prepareVouchers(driver: Driver, batch: VoucherBatch): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of ['reusable', 'one-time'] as const) {
    const count = batch.kinds.filter((k) => k === kind).length;
    if (count > 0) ids.push(...(await issueAndSell(driver, batch, kind, count)));
  }
  // Back in the order asked for: the n-th voucher of a kind takes the n-th slot of that kind.
  const byKind = {
    reusable: ids.slice(0, batch.kinds.filter((k) => k === 'reusable').length),
    'one-time': [] as string[],
  };
  byKind['one-time'] = ids.slice(byKind.reusable.length);
  const next = { reusable: 0, 'one-time': 0 };
  return batch.kinds.map((kind) => byKind[kind][next[kind]++] as string);
}

async function issueAndSell(
  driver: Driver,
  batch: VoucherBatch,
  kind: VoucherKind,
  count: number,
): Promise<string[]> {
  const code = `RACE-${kind === 'one-time' ? '1-' : ''}${batch.runId}`
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 64);
  const office = { role: 'backoffice' } as const;
  const type = await must(driver, {
    operationId: 'createVoucherType',
    body: {
      code,
      name: `race voucher ${batch.policy}`,
      currency: batch.currency,
      productCode: code,
      validityDays: 365,
      reusable: kind === 'reusable',
      topUpAllowed: false,
      policy: batch.policy,
      holdTtlSeconds: batch.holdTtlSeconds ?? 5,
    } as never,
    auth: office,
  });
  const template = await must(driver, {
    operationId: 'createTemplate',
    body: { voucherTypeId: type.id, code, numberPrefix: '', capacity: count },
    auth: office,
  });
  const issued = await must(driver, {
    operationId: 'issueVouchers',
    params: { id: template.id },
    body: {
      count,
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
