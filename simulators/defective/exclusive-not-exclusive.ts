import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { exclusiveNotExclusive: true };

/** Exclusive hold that is not exclusive: a second open receipt may hold the voucher too. */
export const exclusiveNotExclusive: DefectiveImplementation = {
  name: 'exclusive-not-exclusive',
  defect:
    'the exclusive-hold (and redeem-entire) check is skipped: a second open hold on one voucher gets through',
  faults,
  catches: ['CC-02', 'CC-04', 'features/policies', 'features/concurrency', 'checker:policy'],
  start: (options) => startWithFaults(faults, options),
};
