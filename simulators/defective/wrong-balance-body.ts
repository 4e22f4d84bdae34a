import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { wrongBodyOn200: true };

/** Balance inquiry answers 200 with amounts as strings: a body outside the OpenAPI document. */
export const wrongBalanceBody: DefectiveImplementation = {
  name: 'wrong-balance-body',
  defect: 'getBalance answers 200 with a body outside the contract: every amount is a string',
  faults,
  catches: ['LC-12', 'features/lifecycle', 'driver:response-validation'],
  start: (options) => startWithFaults(faults, options),
};
