import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { restoreReactivates: true };

/** Restore leads to activated, not prepared: a canceled voucher comes back spendable without a sale. */
export const restoreReactivates: DefectiveImplementation = {
  name: 'restore-reactivates',
  defect: 'restoring a canceled voucher makes it activated (spendable at once) instead of prepared',
  faults,
  catches: ['LC-09', 'features/lifecycle'],
  start: (options) => startWithFaults(faults, options),
};
