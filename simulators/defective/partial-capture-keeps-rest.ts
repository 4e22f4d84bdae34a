import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { partialCaptureKeepsRest: true };

/** A partial capture keeps the rest of the hold reserved for good. */
export const partialCaptureKeepsRest: DefectiveImplementation = {
  name: 'partial-capture-keeps-rest',
  defect:
    'a partial capture releases only what it took: the rest of the hold stays reserved for good, so that much of the voucher can never be spent',
  faults,
  catches: ['RD-02', 'features/redemption'],
  start: (options) => startWithFaults(faults, options),
};
