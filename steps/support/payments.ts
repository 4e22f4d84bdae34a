import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Hold, Redemption } from '../../spec/schemas/redemption.ts';
import type { Completion } from '../../src/driver/completion.ts';
import { type Actor, receiptOf } from './actors.ts';
import type { Money } from './money.ts';
import type { VoucherWorld } from './world.ts';

/** Puts a hold on a voucher for an actor's open receipt and remembers it as that actor's hold. */
export async function holdOn(
  world: VoucherWorld,
  actor: Actor,
  amount: Money,
  alias: string,
  receipt: Receipt = receiptOf(actor, world.nextReceipt()),
  ttlSeconds?: number,
): Promise<Completion<Hold>> {
  await world.touch(alias);
  const body = ttlSeconds === undefined ? { amount, receipt } : { amount, receipt, ttlSeconds };
  const answer = await world.call(
    { operationId: 'createHold', params: { id: world.voucherId(alias) }, body, auth: { role: actor.role } },
    world.via(actor.label),
  );
  if (answer.completion === 'ok') {
    world.holds.set(actor.label, answer.body);
    world.holdReceipts.set(answer.body.id, receipt.number);
  }
  return answer;
}

/** Keeps a payment by its receipt number (the answer's, else the one asked for) and as the last one. */
function remember(world: VoucherWorld, answer: Completion<Redemption>, receipt?: string): void {
  if (answer.completion !== 'ok') return;
  const number = answer.body.receipt?.number ?? receipt;
  if (number) world.payments.set(number, answer.body);
  world.payments.set('last', answer.body);
}

/** Captures the actor's hold, all of it or the given amount. */
export async function captureOf(
  world: VoucherWorld,
  actor: Actor,
  amount?: Money,
): Promise<Completion<Redemption>> {
  const hold = world.holds.get(actor.label);
  if (!hold) throw new Error(`${actor.label} holds nothing`);
  const answer = await world.call(
    {
      operationId: 'captureHold',
      params: { id: hold.id },
      body: amount ? { amount } : {},
      auth: { role: actor.role },
    },
    world.via(actor.label),
  );
  remember(world, answer, hold.receipt?.number ?? world.holdReceipts.get(hold.id));
  return answer;
}

export async function redeemInOneStep(
  world: VoucherWorld,
  actor: Actor,
  amount: Money,
  alias: string,
  receipt: Receipt,
): Promise<Completion<Redemption>> {
  await world.touch(alias);
  const answer = await world.call(
    {
      operationId: 'redeem',
      params: { id: world.voucherId(alias) },
      body: { amount, receipt },
      auth: { role: actor.role },
    },
    world.via(actor.label),
  );
  remember(world, answer, receipt.number);
  return answer;
}

/**
 * A voucher pays part of a receipt, the way the target supports: hold then capture when it claims holds,
 * one-step redemption otherwise. A refused hold is the payment's refusal.
 */
export async function payWith(
  world: VoucherWorld,
  actor: Actor,
  amount: Money,
  alias: string,
  receiptNumber: string,
  extra: Partial<Receipt> = {},
): Promise<Completion<Redemption | Hold>> {
  const receipt = receiptOf(actor, receiptNumber, extra);
  // Paying is the core: whichever way the target claims, no capability tag is needed for it.
  return world.needs.paying(async () => {
    if (world.claimed.has('holds')) {
      const held = await holdOn(world, actor, amount, alias, receipt);
      if (held.completion !== 'ok') return held;
      return captureOf(world, actor);
    }
    if (world.claimed.has('one-step-redeem')) return redeemInOneStep(world, actor, amount, alias, receipt);
    throw new Error('the target claims neither holds nor one-step-redeem: no way to pay');
  });
}
