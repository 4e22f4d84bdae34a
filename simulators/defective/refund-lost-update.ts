import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { refundLostUpdate: true };

/** A refund credits a balance read before the voucher's lock: a payment made meanwhile is written over. */
export const refundLostUpdate: DefectiveImplementation = {
  name: 'refund-lost-update',
  defect:
    'a refund credits the balance it read before locking the voucher: a payment that committed meanwhile is written over, its money given back',
  faults,
  catches: [
    'CC-01',
    'RD-03',
    'RD-05',
    'checker:money-bounds',
    'checker:ledger-conservation',
    'property:races',
  ],
  start: (options) => startWithFaults(faults, options),
};
