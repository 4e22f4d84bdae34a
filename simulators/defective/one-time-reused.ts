import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { staleOneTimeCheck: true };

/**
 * The one-time rule is checked on a read before the row lock: concurrent uses of a one-time voucher all
 * pay. Only concurrent uses show it: the racing scenario with a one-time voucher
 * (features/concurrency) and a race with one-time vouchers (checker:policy) catch it.
 */
export const oneTimeReused: DefectiveImplementation = {
  name: 'one-time-reused',
  defect:
    'a use reads the one-time state before the row lock and never again under it: concurrent uses of one one-time voucher all succeed',
  faults,
  catches: ['LC-07', 'features/concurrency', 'checker:policy'],
  start: (options) => startWithFaults(faults, options),
};
