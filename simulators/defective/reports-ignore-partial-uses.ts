import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { reportsIgnorePartialUses: true };

/** The reports are fed by full redemptions only: a partial use shows in none of them. */
export const reportsIgnorePartialUses: DefectiveImplementation = {
  name: 'reports-ignore-partial-uses',
  defect:
    'the reports see only full redemptions: a partly used voucher keeps its denomination as balance and liability, and its uses are neither counted nor listed',
  faults,
  catches: ['RP-01', 'RP-02', 'RP-03', 'RP-04', 'features/reports'],
  start: (options) => startWithFaults(faults, options),
};
