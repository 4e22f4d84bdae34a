import { type Call, connectionRefused, type Outcome } from '../fleet/recording-client.ts';
import type { BasketPlan } from './behaviour.ts';
import { type CounterContext, receiptFor } from './counter-context.ts';

const unsent = (outcome: Outcome) => outcome.completion === 'fail' && outcome.code === connectionRefused;

/**
 * Sends a call; while its outcome is unknown, sends it again with the same Idempotency-Key, and when
 * the connection was refused (nothing sent), with a new one. Bounded in attempts and time.
 */
async function settle(
  context: CounterContext,
  first: Call,
  firstOutcome?: Outcome,
  startLine?: () => Promise<void>,
): Promise<Outcome> {
  let call = first;
  let outcome = firstOutcome ?? (await context.call(call, startLine));
  for (let attempt = 0; attempt < context.maxRetries; attempt++) {
    if (outcome.completion !== 'info' && !unsent(outcome)) break;
    if (performance.now() > context.hardDeadline) break;
    await context.sleep(context.retryDelayMs * (attempt + 1));
    if (unsent(outcome)) call = { ...call, key: context.newKey() };
    outcome = await context.call(call);
  }
  return outcome;
}

function idOf(outcome: Outcome): string | null {
  return outcome.completion === 'ok' && typeof outcome.body.id === 'string' ? outcome.body.id : null;
}

/** Credits a redemption back to the voucher: a reversal after a timeout, or goods returned. */
async function refund(context: CounterContext, plan: BasketPlan, redemption: string, number: string) {
  const partial = plan.behaviour === 'return' ? Math.max(1, Math.floor(plan.amount / 2)) : null;
  await settle(context, {
    op: 'refundRedemption',
    voucher: plan.voucher,
    target: redemption,
    body: {
      ...(partial ? { amount: { amount: partial, currency: context.currency } } : {}),
      receipt: receiptFor(context, `${number}-R`),
    },
    key: context.newKey(),
    role: context.profile.role,
  });
}

/** After a payment: goods returned, or a reversal because its first answer was lost. */
async function afterPayment(
  context: CounterContext,
  plan: BasketPlan,
  paid: Outcome,
  lost: boolean,
  number: string,
) {
  const redemption = idOf(paid);
  if (redemption === null || !context.abilities.refund) return;
  if (plan.behaviour === 'return' || (lost && plan.onTimeout === 'reverse'))
    await refund(context, plan, redemption, number);
}

/**
 * The barrier, if the fleet set one, for the basket's first spend: handed to that call once, which waits
 * at it right before the request that moves money, so many counters spend at the same instant.
 */
function takeStartLine(context: CounterContext): (() => Promise<void>) | undefined {
  const wait = context.startLine;
  context.startLine = undefined;
  return wait;
}

async function redeemOnce(context: CounterContext, plan: BasketPlan, number: string): Promise<void> {
  const call: Call = {
    op: 'redeem',
    voucher: plan.voucher,
    body: {
      amount: { amount: plan.amount, currency: context.currency },
      receipt: receiptFor(context, number),
    },
    key: context.newKey(),
    role: context.profile.role,
  };
  const first = await context.call(call, takeStartLine(context));
  const paid = await settle(context, call, first);
  await afterPayment(context, plan, paid, first.completion === 'info', number);
}

async function capture(
  context: CounterContext,
  plan: BasketPlan,
  hold: string,
  number: string,
): Promise<void> {
  const call: Call = {
    op: 'captureHold',
    voucher: plan.voucher,
    target: hold,
    body: {},
    key: context.newKey(),
    role: context.profile.role,
  };
  // double-pay: one key twice at once (a retry in flight); split-capture: two keys at once (two registers).
  const firsts =
    plan.behaviour === 'double-pay'
      ? await Promise.all([context.call(call), context.call(call)])
      : plan.behaviour === 'split-capture'
        ? await Promise.all([context.call(call), context.call({ ...call, key: context.newKey() })])
        : [await context.call(call)];
  const answered = firsts.find((o) => o.completion === 'ok') ?? firsts.find((o) => o.completion !== 'info');
  const paid = await settle(context, call, answered ?? firsts[0]);
  const lost = firsts.every((o) => o.completion === 'info');
  if (paid.completion === 'info' && plan.onTimeout === 'reverse') {
    // Still unknown: give the hold back; if the capture did happen this is refused and changes nothing.
    await settle(context, {
      op: 'releaseHold',
      voucher: plan.voucher,
      target: hold,
      body: {},
      key: context.newKey(),
      role: context.profile.role,
    });
    return;
  }
  await afterPayment(context, plan, paid, lost, number);
}

/**
 * One basket at the counter, as a cashier works it: look the voucher up, hold the amount, then
 * capture, release or walk away, per the plan; unknown outcomes are retried with the same key.
 */
export async function workBasket(context: CounterContext, plan: BasketPlan, number: string): Promise<void> {
  await context.call({ op: 'getBalance', voucher: plan.voucher, role: context.profile.role });
  if (plan.behaviour === 'top-up' && context.abilities.topUp) {
    await settle(
      context,
      {
        op: 'topUp',
        voucher: plan.voucher,
        body: {
          amount: { amount: plan.amount, currency: context.currency },
          receipt: receiptFor(context, number),
        },
        key: context.newKey(),
        role: context.profile.role,
      },
      undefined,
      takeStartLine(context),
    );
    return;
  }
  const useHolds = context.abilities.holds && (plan.behaviour !== 'redeem' || !context.abilities.redeem);
  if (!useHolds) {
    if (context.abilities.redeem) await redeemOnce(context, plan, number);
    return;
  }
  const held = await settle(
    context,
    {
      op: 'createHold',
      voucher: plan.voucher,
      body: {
        amount: { amount: plan.amount, currency: context.currency },
        receipt: receiptFor(context, number),
        ttlSeconds: context.profile.holdTtlSeconds,
      },
      key: context.newKey(),
      role: context.profile.role,
    },
    undefined,
    takeStartLine(context),
  );
  const hold = idOf(held);
  if (hold === null || plan.behaviour === 'abandon') return;
  await context.sleep(plan.thinkMs);
  if (plan.behaviour === 'release') {
    await settle(context, {
      op: 'releaseHold',
      voucher: plan.voucher,
      target: hold,
      body: {},
      key: context.newKey(),
      role: context.profile.role,
    });
    return;
  }
  await capture(context, plan, hold, number);
}
