import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { refundsFail: true };

/** Every refund fails with a server error and changes nothing. */
export const refundsFail: DefectiveImplementation = {
  name: 'refunds-fail',
  defect: 'refundRedemption answers 500 internal_error (problem+json) and changes nothing',
  faults,
  catches: ['RD-05', 'RD-08', 'RD-06', 'features/redemption', 'features/idempotency', 'checker:contract'],
  start: (options) => startWithFaults(faults, options),
};
