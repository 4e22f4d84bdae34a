import type { Voucher, VoucherTypeInput } from '../../spec/schemas/voucher.ts';
import { parseActor, receiptOf } from './actors.ts';
import { given } from './expect.ts';
import type { Money } from './money.ts';
import { payWith } from './payments.ts';
import type { VoucherWorld } from './world.ts';

const generalPolicies = ['balance-guard', 'amount-holds', 'exclusive-hold'] as const;

/** The policy of a voucher type whose scenario does not care: the first general one the target claims. */
export function defaultPolicy(world: VoucherWorld): VoucherTypeInput['policy'] {
  const policy = generalPolicies.find((p) => world.claimed.has(p));
  if (!policy) throw new Error(`the target claims none of ${generalPolicies.join(', ')}`);
  return policy;
}

export async function defineType(
  world: VoucherWorld,
  alias: string,
  input: Partial<VoucherTypeInput>,
): Promise<void> {
  const body: VoucherTypeInput = {
    code: world.code(alias),
    name: `${alias} voucher`,
    currency: 'EUR',
    productCode: world.code(`P-${alias}`),
    validityDays: 365,
    reusable: true,
    topUpAllowed: false,
    policy: input.policy ?? defaultPolicy(world),
    ...input,
  };
  const created = await world.must({ operationId: 'createVoucherType', body, auth: { role: 'backoffice' } });
  world.types.set(alias, created);
}

export async function defineTemplate(
  world: VoucherWorld,
  alias: string,
  typeAlias: string,
  capacity: number,
) {
  const type = world.types.get(typeAlias);
  if (!type) throw new Error(`no voucher type "${typeAlias}" in this scenario`);
  const template = await world.must({
    operationId: 'createTemplate',
    body: { voucherTypeId: type.id, code: world.code(alias), numberPrefix: '', capacity },
    auth: { role: 'backoffice' },
  });
  world.templates.set(alias, template);
}

/** The template a scenario's loose vouchers of a type come from (capacity 1000). */
async function implicitTemplate(world: VoucherWorld, typeAlias: string): Promise<string> {
  const alias = `${typeAlias}~vouchers`;
  if (!world.templates.has(alias)) await defineTemplate(world, alias, typeAlias, 1000);
  return alias;
}

export async function issueOne(
  world: VoucherWorld,
  typeAlias: string,
  denomination: Money,
): Promise<Voucher> {
  const template = world.templates.get(await implicitTemplate(world, typeAlias));
  const batch = await world.must({
    operationId: 'issueVouchers',
    params: { id: template?.id ?? '' },
    body: { count: 1, denomination, store: 'S1' },
    auth: { role: 'backoffice' },
  });
  const voucher = batch.vouchers[0];
  if (!voucher) throw new Error('issueVouchers gave no voucher');
  return voucher;
}

/** Sells a voucher at POS 1 in both phases. */
export async function sell(world: VoucherWorld, id: string): Promise<Voucher> {
  const receipt = receiptOf(parseActor('POS 1'), world.nextReceipt());
  await world.must({ operationId: 'startSale', params: { id }, body: { receipt }, auth: { role: 'pos' } });
  return world.must({ operationId: 'completeSale', params: { id }, body: {}, auth: { role: 'pos' } });
}

/** Issues a voucher and brings it to a state through the contract's own operations. */
export async function voucherInState(
  world: VoucherWorld,
  alias: string,
  typeAlias: string,
  denomination: Money,
  state: string,
): Promise<void> {
  let voucher = await issueOne(world, typeAlias, denomination);
  const id = voucher.id;
  world.remember(alias, voucher);
  const backoffice = { role: 'backoffice' } as const;
  if (state === 'activating') {
    const receipt = receiptOf(parseActor('POS 1'), world.nextReceipt());
    voucher = await world.must({
      operationId: 'startSale',
      params: { id },
      body: { receipt },
      auth: { role: 'pos' },
    });
  } else if (state !== 'prepared') {
    voucher = await sell(world, id);
  }
  if (state === 'canceled') {
    voucher = await world.must({
      operationId: 'cancelVoucher',
      params: { id },
      body: { reason: 'number compromised' },
      auth: backoffice,
    });
  } else if (state === 'expired') {
    const issued = given(voucher.issuedAt, `the issue time of voucher ${alias}`);
    const yesterday = new Date(Date.parse(issued) - 86_400_000).toISOString();
    voucher = await world.must({
      operationId: 'setValidity',
      params: { id },
      body: { expiresAt: yesterday },
      auth: backoffice,
    });
  } else if (state === 'refunding' || state === 'refunded') {
    const receipt = receiptOf(parseActor('POS 1'), world.nextReceipt());
    voucher = await world.must({
      operationId: 'startReturn',
      params: { id },
      body: { receipt },
      auth: { role: 'pos' },
    });
    if (state === 'refunded') {
      voucher = await world.must({
        operationId: 'completeReturn',
        params: { id },
        body: { outcome: 'refunded' },
        auth: { role: 'pos' },
      });
    }
  } else if (state === 'redeemed') {
    const paid = await payWith(world, parseActor('POS 1'), voucher.balance, alias, world.nextReceipt());
    if (paid.completion !== 'ok')
      throw new Error(`could not use up voucher ${alias}: ${JSON.stringify(paid)}`);
    voucher = await world.readVoucher(alias);
  }
  world.remember(alias, voucher);
}
