import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { topUpIgnoresExpiry: true };

/** A top-up checks the stored state only: an expired voucher takes new value. */
export const topUpIgnoresExpiry: DefectiveImplementation = {
  name: 'top-up-ignores-expiry',
  defect: 'a top-up is accepted on an expired voucher (the state as stored, not as time has made it)',
  faults,
  catches: ['LC-05', 'LC-11', 'features/lifecycle'],
  start: (options) => startWithFaults(faults, options),
};
