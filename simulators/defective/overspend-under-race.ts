import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { skipRowLock: true };

/** Read-modify-write of the balance outside the row lock: racing POS overwrite each other's debits. */
export const overspendUnderRace: DefectiveImplementation = {
  name: 'overspend-under-race',
  defect:
    'reads the voucher without FOR UPDATE and writes back the balance it read: racing uses lose updates and overspend',
  faults,
  catches: [
    'RD-03',
    'RD-07',
    'CC-01',
    'CC-03',
    'CC-05',
    'CH-01',
    'features/policies',
    'features/channels',
    'features/concurrency',
    'checker:money-bounds',
    'checker:ledger-conservation',
    'checker:linearizability',
  ],
  start: (options) => startWithFaults(faults, options),
};
