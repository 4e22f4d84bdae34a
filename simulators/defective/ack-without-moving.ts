import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { ackWithoutMoving: true };

/** Every spend is acknowledged with an empty success and nothing moves. */
export const ackWithoutMoving: DefectiveImplementation = {
  name: 'ack-without-moving',
  defect: 'createHold, captureHold and redeem answer 201 {} at once: nothing is held, captured or taken',
  faults,
  catches: [
    'RD-02',
    'RD-03',
    'RD-07',
    'CC-05',
    'features/redemption',
    'features/policies',
    'features/concurrency',
    'checker:contract',
    'checker:money-bounds',
  ],
  start: (options) => startWithFaults(faults, options),
};
