import type { Policy } from '../../spec/capabilities.ts';
import type { VoucherTypeParams } from '../../spec/provider-states.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import type { Money } from './money.ts';
import type { VoucherWorld } from './world.ts';

const generalPolicies = ['balance-guard', 'amount-holds', 'exclusive-hold'] as const;

/** A voucher type as the scenario named it: how its vouchers behave, and its id once arranged. */
export interface KnownType {
  params: VoucherTypeParams;
  /** The system's id and product code, once the type itself was arranged (scenarios about types). */
  arranged?: { typeId?: string; code?: string; productCode?: string };
}

/** The policy of a voucher type whose scenario does not care: the first general one the target claims. */
export function defaultPolicy(world: VoucherWorld): Policy {
  const policy = generalPolicies.find((p) => world.claimed.has(p));
  if (!policy) throw new Error(`the target claims none of ${generalPolicies.join(', ')}`);
  return policy;
}

/**
 * Names a voucher type for the scenario: nothing is sent yet, the type travels with each voucher
 * arranged of it. What the scenario asks of it beyond the core is noted as needed: an explicit policy,
 * one-time vouchers, top-ups.
 */
export function defineType(
  world: VoucherWorld,
  alias: string,
  input: Partial<Omit<VoucherTypeParams, 'key'>>,
): void {
  if (input.policy) world.need(input.policy, `voucher type ${alias}`);
  if (input.reusable === false) world.need('one-time-vouchers', `voucher type ${alias}`);
  if (input.topUpAllowed) world.need('top-up', `voucher type ${alias}`);
  const params: VoucherTypeParams = {
    key: alias,
    currency: 'EUR',
    policy: input.policy ?? defaultPolicy(world),
    reusable: true,
    topUpAllowed: false,
    validityDays: 365,
    ...input,
  };
  world.types.set(alias, { params });
}

function typeOf(world: VoucherWorld, alias: string): KnownType {
  const type = world.types.get(alias);
  if (!type) throw new Error(`no voucher type "${alias}" in this scenario`);
  return type;
}

/** The system's own id of a type (scenarios about types and templates): the type is arranged once. */
export async function arrangedType(
  world: VoucherWorld,
  alias: string,
): Promise<NonNullable<KnownType['arranged']>> {
  const type = typeOf(world, alias);
  if (!type.arranged?.code) type.arranged = await world.driver.arrange('voucher type', type.params);
  return type.arranged;
}

/** A voucher of a named type in a lifecycle state, arranged by the target's driver (a provider state). */
export async function voucherInState(
  world: VoucherWorld,
  alias: string,
  typeAlias: string,
  amount: Money,
  state: VoucherState,
): Promise<void> {
  const type = typeOf(world, typeAlias);
  const { voucherId, typeId } = await world.driver.arrange('voucher', { type: type.params, state, amount });
  if (typeId && !type.arranged?.typeId) type.arranged = { ...type.arranged, typeId };
  world.vouchers.set(alias, { id: voucherId, readable: true });
}
