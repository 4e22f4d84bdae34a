import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { refusalsNotReplayed: true };

/** A refusal is not kept under its Idempotency-Key: the retry runs again and may now pass. */
export const refusalsNotReplayed: DefectiveImplementation = {
  name: 'refusals-not-replayed',
  defect:
    'refusals are not kept for their idempotency key: a retry of a refused payment runs again, and pays once the balance allows',
  faults,
  catches: ['RD-06', 'features/idempotency'],
  start: (options) => startWithFaults(faults, options),
};
