import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { ignoreExpiry: true };

/** Expiry is never checked: vouchers past their validity and holds past their time-to-live still pay. */
export const expiredVoucherPays: DefectiveImplementation = {
  name: 'expired-voucher-pays',
  defect:
    'ignores expiry: an expired voucher still pays, an expired hold is still captured, no hold is ever released by time',
  faults,
  catches: ['LC-05', 'RD-04', 'CC-02', 'features/lifecycle', 'features/redemption', 'features/policies'],
  start: (options) => startWithFaults(faults, options),
};
