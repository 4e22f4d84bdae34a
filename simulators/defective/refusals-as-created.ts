import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { refusalsAsCreated: true };

/** A spend the voucher cannot pay is answered as a success: 201 with the refusal's problem as its body. */
export const refusalsAsCreated: DefectiveImplementation = {
  name: 'refusals-as-created',
  defect:
    'a spend the voucher refuses (409 of createHold, captureHold, redeem) is answered 201 with the problem document as its body; nothing moves',
  faults,
  catches: [
    'RD-03',
    'RD-01',
    'CC-01',
    'LC-07',
    'LC-13',
    'features/redemption',
    'features/lifecycle',
    'features/policies',
    'features/concurrency',
    'checker:contract',
    'checker:money-bounds',
  ],
  start: (options) => startWithFaults(faults, options),
};
