import fc from 'fast-check';
import type { Capability, Policy } from '../../../spec/capabilities.ts';
import { policies } from '../../../spec/capabilities.ts';

/**
 * What one simulated POS does in a race: pay (hold then capture, or in one step), or hold then release.
 * `via` is how it pays: through a hold or in one step, among what the target claims.
 */
export interface PosFlow {
  action: 'pays' | 'holds';
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

/**
 * Two to four POS racing one voucher, with amounts that together usually exceed its funds. Only what the
 * target claims: its policies, holds and one-step redemption, one-time vouchers.
 */
export function racePlan(claimed: ReadonlySet<Capability>): fc.Arbitrary<RacePlan> {
  const claimedPolicies = policies.filter((p) => claimed.has(p));
  const ways: Array<PosFlow['via']> = [
    ...(claimed.has('holds') ? (['hold'] as const) : []),
    ...(claimed.has('one-step-redeem') ? (['one-step'] as const) : []),
  ];
  const flow: fc.Arbitrary<PosFlow> = fc
    .record({
      action: claimed.has('holds')
        ? fc.constantFrom<PosFlow['action']>('pays', 'pays', 'holds')
        : fc.constant('pays' as const),
      via: fc.constantFrom(...ways),
      amount: fc.oneof(fc.constantFrom(400, 600, 1000), fc.integer({ min: 1, max: 2000 })),
    })
    // Holding then releasing is through a hold whatever `via` says.
    .map((f) => (f.action === 'holds' ? { ...f, via: 'hold' as const } : f));
  return fc.record({
    policy: fc.constantFrom<Policy>(
      ...(claimedPolicies.length > 0 ? claimedPolicies : (['balance-guard'] as Policy[])),
    ),
    reusable: claimed.has('one-time-vouchers') ? fc.boolean() : fc.constant(true),
    funds: fc.constantFrom(1000, 2000),
    flows: fc.array(flow, { minLength: 2, maxLength: 4 }),
  });
}
