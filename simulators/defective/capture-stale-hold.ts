import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { captureStaleHold: true };

/** A capture decides on the hold as read before the voucher's lock: one hold can be captured twice. */
export const captureStaleHold: DefectiveImplementation = {
  name: 'capture-stale-hold',
  defect:
    'a capture decides on the hold as read before the lock: of two captures of one hold under different keys, the second is not refused (hold_not_open) but fails with a 500 or pays again',
  faults,
  catches: ['CC-01', 'RD-03', 'features/concurrency', 'checker:money-bounds', 'checker:linearizability'],
  start: (options) => startWithFaults(faults, options),
};
