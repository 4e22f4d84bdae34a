import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { ackBeforeCommit: true };

/** A capture acknowledged before it is committed: the 201 goes out, the transaction is rolled back. */
export const captureLostAfterAck: DefectiveImplementation = {
  name: 'capture-lost-after-ack',
  defect:
    'a capture answers 201 and its transaction is then rolled back: the acknowledged capture is missing from the ledger',
  faults,
  catches: [
    'CC-05',
    'RD-02',
    'RD-07',
    'features/redemption',
    'features/policies',
    'features/concurrency',
    'checker:ledger-conservation',
    'checker:linearizability',
  ],
  start: (options) => startWithFaults(faults, options),
};
