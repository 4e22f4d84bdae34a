import fc from 'fast-check';
import type { Capability, Policy } from '../../../spec/capabilities.ts';
import { policies } from '../../../spec/capabilities.ts';

/** What one simulated POS does in a race: pay (hold then capture, or one step), or hold then release. */
export interface PosFlow {
  action: 'pays' | 'holds';
  amount: number;
}

export interface RacePlan {
  policy: Policy;
  reusable: boolean;
  funds: number;
  flows: PosFlow[];
}

/** Two to four POS racing one voucher, with amounts that together usually exceed its funds. */
export function racePlan(claimed: ReadonlySet<Capability>): fc.Arbitrary<RacePlan> {
  const claimedPolicies = policies.filter((p) => claimed.has(p));
  const canHold = claimed.has('holds');
  return fc.record({
    policy: fc.constantFrom<Policy>(
      ...(claimedPolicies.length > 0 ? claimedPolicies : (['balance-guard'] as Policy[])),
    ),
    reusable: fc.boolean(),
    funds: fc.constantFrom(1000, 2000),
    flows: fc.array(
      fc.record({
        action: canHold
          ? fc.constantFrom<PosFlow['action']>('pays', 'pays', 'holds')
          : fc.constant('pays' as const),
        amount: fc.oneof(fc.constantFrom(400, 600, 1000), fc.integer({ min: 1, max: 2000 })),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  });
}
