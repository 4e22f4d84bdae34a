import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { staleOneTimeCheck: true };

/**
 * The one-time rule is checked on a read before the row lock: concurrent uses of a one-time voucher all
 * pay. Only concurrent uses show it, and no scenario of features/ races a one-time voucher yet: the race
 * with one-time vouchers (checker:policy) catches it, the suite does not.
 */
export const oneTimeReused: DefectiveImplementation = {
  name: 'one-time-reused',
  defect:
    'a use reads the one-time state before the row lock and never again under it: concurrent uses of one one-time voucher all succeed',
  faults,
  catches: ['LC-07', 'checker:policy'],
  start: (options) => startWithFaults(faults, options),
};
