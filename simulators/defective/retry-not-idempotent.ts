import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { ignoreIdempotencyKeys: true };

/** Idempotency keys are accepted and ignored: a retry after a lost answer pays twice. */
export const retryNotIdempotent: DefectiveImplementation = {
  name: 'retry-not-idempotent',
  defect:
    'ignores Idempotency-Key: every retry is a new request and moves money again, a reused key with another body is accepted',
  faults,
  catches: [
    'RD-06',
    'CC-05',
    'CH-02',
    'features/idempotency',
    'features/channels',
    'checker:idempotency',
    'checker:money-bounds',
  ],
  start: (options) => startWithFaults(faults, options),
};
