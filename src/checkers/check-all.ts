import type { Policy } from '../../spec/capabilities.ts';
import type { CheckInput } from './check-input.ts';
import { compose, type Report } from './compose.ts';
import { checkContract } from './contract.ts';
import { checkIdempotency } from './idempotency.ts';
import { checkLedgerConservation } from './ledger-conservation.ts';
import { checkLinearizability } from './linearizability.ts';
import { checkMoneyBounds } from './money-bounds.ts';
import { checkPolicy } from './policy.ts';

export interface CheckAllOptions {
  policy?: Policy;
  timeLimitMs?: number;
  maxSteps?: number;
}

/** Every checker of the harness over one history and its final ledgers. */
export function checkAll(input: CheckInput, options: CheckAllOptions = {}): Report {
  const policy = options.policy ? { policy: options.policy } : {};
  return compose(
    checkContract,
    checkMoneyBounds,
    checkLedgerConservation,
    checkIdempotency,
    (i) => checkPolicy(i, policy),
    (i) =>
      checkLinearizability(i, { ...policy, timeLimitMs: options.timeLimitMs, maxSteps: options.maxSteps }),
  )(input);
}
