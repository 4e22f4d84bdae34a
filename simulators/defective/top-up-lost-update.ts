import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { topUpLostUpdate: true };

/** A top-up adds to a balance read before the voucher's lock: a payment made meanwhile is written over. */
export const topUpLostUpdate: DefectiveImplementation = {
  name: 'top-up-lost-update',
  defect:
    'a top-up adds to the balance it read before locking the voucher: a payment that committed meanwhile is written over, its money given back',
  faults,
  catches: ['CC-01', 'RD-03', 'features/concurrency', 'checker:money-bounds', 'checker:ledger-conservation'],
  start: (options) => startWithFaults(faults, options),
};
