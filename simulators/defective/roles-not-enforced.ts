import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { skipRoleCheck: true };

/** Keys are checked for their tenant but not for their role: a POS can do back-office work. */
export const rolesNotEnforced: DefectiveImplementation = {
  name: 'roles-not-enforced',
  defect:
    'any valid key may call any operation: a POS key issues and cancels vouchers, a back-office key redeems',
  faults,
  catches: ['CH-01', 'features/errors'],
  start: (options) => startWithFaults(faults, options),
};
