import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { refundsCountedAsReturns: true };

/** The activity report mistakes goods returned (a refund to the voucher) for a voucher returned. */
export const refundsCountedAsReturns: DefectiveImplementation = {
  name: 'refunds-counted-as-returns',
  defect:
    'the activity report counts refunds of payments as returned vouchers, and vouchers returned at the register not at all',
  faults,
  catches: ['RP-02', 'features/reports'],
  start: (options) => startWithFaults(faults, options),
};
