import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { sweepWithoutLock: true };

/** The hold sweeper writes back a voucher read without its lock: a payment made meanwhile is undone. */
export const sweeperLostUpdate: DefectiveImplementation = {
  name: 'sweeper-lost-update',
  defect:
    'the hold sweeper reads the voucher without its row lock and writes it back once it has expired the due holds: a payment that committed in between is undone',
  faults,
  catches: ['RD-04', 'checker:contract', 'checker:money-bounds', 'checker:linearizability'],
  start: (options) => startWithFaults(faults, options),
};
