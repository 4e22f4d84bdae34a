import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { refundIgnoresExpiry: true };

/** A refund ignores expiry: an expired voucher is credited. */
export const refundIgnoresExpiry: DefectiveImplementation = {
  name: 'refund-ignores-expiry',
  defect: 'a payment is refunded onto an expired voucher, which must take no refund',
  faults,
  catches: ['LC-05', 'features/lifecycle'],
  start: (options) => startWithFaults(faults, options),
};
