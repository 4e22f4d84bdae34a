import fc from 'fast-check';
import type { Capability, Policy } from '../../../spec/capabilities.ts';
import { policies } from '../../../spec/capabilities.ts';

/** The hold time-to-live of a race's voucher, and how far an abandoning POS moves the clock (past it). */
export const raceHoldTtlSeconds = 600;
export const raceClockMoveSeconds = 720;

/**
 * What one simulated POS does in a race: pay (hold then capture, or in one step); hold then release;
 * pay then refund the payment; top the voucher up; hold then capture twice at once under two keys
 * (splits); hold, then move the tenant's test clock past the hold's time-to-live and try to capture it
 * (abandons). `via` is how it pays: through a hold or in one step, among what the target claims.
 */
export interface PosFlow {
  action: 'pays' | 'holds' | 'refunds' | 'tops-up' | 'splits' | 'abandons';
  via: 'hold' | 'one-step';
  amount: number;
}

export interface RacePlan {
  policy: Policy;
  /** false: a one-time voucher (LC-07), drawn only when the target claims one-time vouchers. */
  reusable: boolean;
  funds: number;
  flows: PosFlow[];
}

/** Whether the plan's voucher must take top-ups (a reusable voucher whose type allows them). */
export function topsUp(plan: Pick<RacePlan, 'flows'>): boolean {
  return plan.flows.some((f) => f.action === 'tops-up');
}

/** The actions the target's claims allow, paying twice as often as anything else. */
export function claimedActions(claimed: ReadonlySet<Capability>): Array<PosFlow['action']> {
  const holds = claimed.has('holds');
  return [
    'pays',
    'pays',
    ...(holds ? (['holds', 'splits'] as const) : []),
    ...(claimed.has('redemption-refund') ? (['refunds'] as const) : []),
    ...(claimed.has('top-up') ? (['tops-up'] as const) : []),
    ...(holds && claimed.has('hold-expiry') && claimed.has('test-control') ? (['abandons'] as const) : []),
  ];
}

/**
 * Two to four POS racing one voucher, with amounts that together usually exceed its funds. Only what the
 * target claims: its policies, holds and one-step redemption, refunds of payments, top-ups, the test
 * clock (with hold expiry), one-time vouchers. A voucher that takes top-ups is reusable.
 */
export function racePlan(claimed: ReadonlySet<Capability>): fc.Arbitrary<RacePlan> {
  const claimedPolicies = policies.filter((p) => claimed.has(p));
  const ways: Array<PosFlow['via']> = [
    ...(claimed.has('holds') ? (['hold'] as const) : []),
    ...(claimed.has('one-step-redeem') ? (['one-step'] as const) : []),
  ];
  const flow: fc.Arbitrary<PosFlow> = fc
    .record({
      action: fc.constantFrom(...claimedActions(claimed)),
      via: fc.constantFrom(...ways),
      amount: fc.oneof(fc.constantFrom(400, 600, 1000), fc.integer({ min: 1, max: 2000 })),
    })
    // Holding then releasing, splitting and abandoning are through a hold whatever `via` says.
    .map((f) =>
      f.action === 'holds' || f.action === 'splits' || f.action === 'abandons'
        ? { ...f, via: 'hold' as const }
        : f,
    );
  return fc
    .record({
      policy: fc.constantFrom<Policy>(
        ...(claimedPolicies.length > 0 ? claimedPolicies : (['balance-guard'] as Policy[])),
      ),
      reusable: claimed.has('one-time-vouchers') ? fc.boolean() : fc.constant(true),
      funds: fc.constantFrom(1000, 2000),
      flows: fc.array(flow, { minLength: 2, maxLength: 4 }),
    })
    .map((plan) => (topsUp(plan) ? { ...plan, reusable: true } : plan));
}
