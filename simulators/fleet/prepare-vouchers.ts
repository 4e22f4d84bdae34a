import type { Policy } from '../../spec/capabilities.ts';
import type { VoucherTypeParams } from '../../spec/provider-states.ts';
import type { Driver } from '../../src/driver/driver.ts';
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
  /** Names the types of this run: vouchers of one kind share one type. */
  runId: string;
  /** Reusable vouchers may be topped up (the target claims top-up, and the race tops up). */
  topUps?: boolean;
}

/**
 * Activated vouchers to race on, in the order of `kinds`: a provider state the target's driver arranges
 * (through the contract, or the vendor's own means in its adapter).
 */
export async function prepareVouchers(driver: Driver, batch: VoucherBatch): Promise<string[]> {
  const typeOf = (kind: VoucherKind): VoucherTypeParams => ({
    key: `RACE-${kind === 'one-time' ? '1-' : ''}${batch.runId}`,
    currency: batch.currency,
    policy: batch.policy,
    reusable: kind === 'reusable',
    topUpAllowed: kind === 'reusable' && batch.topUps === true,
    validityDays: 365,
    holdTtlSeconds: batch.holdTtlSeconds ?? 5,
  });
  const ids: string[] = [];
  for (const kind of batch.kinds) {
    const { voucherId } = await driver.arrange('voucher', {
      type: typeOf(kind),
      state: 'activated',
      amount: { amount: batch.funds, currency: batch.currency },
    });
    ids.push(voucherId);
  }
  return ids;
}
