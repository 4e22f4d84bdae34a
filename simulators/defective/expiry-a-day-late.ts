import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { expiryADayLate: true };

/** Validity enforced a day late: the voucher pays for a day after the end of validity it shows. */
export const expiryADayLate: DefectiveImplementation = {
  name: 'expiry-a-day-late',
  defect:
    'validity is enforced a day after the end the voucher shows (the end date taken as inclusive): an expired voucher still pays, holds and takes top-ups for a day, while reads call it expired',
  faults,
  catches: ['LC-05', 'features/lifecycle'],
  start: (options) => startWithFaults(faults, options),
};
