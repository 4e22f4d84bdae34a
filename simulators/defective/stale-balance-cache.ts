import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { staleBalanceReads: true };

/** Voucher and balance reads come from a cache that no write invalidates. */
export const staleBalanceCache: DefectiveImplementation = {
  name: 'stale-balance-cache',
  defect:
    'GET voucher and GET balance are served from an in-memory cache that no write invalidates: reads after a payment show the old balance',
  faults,
  catches: [
    'LC-12',
    'RD-02',
    'RD-07',
    'CC-05',
    'features/lifecycle',
    'features/redemption',
    'features/policies',
    'checker:linearizability',
  ],
  start: (options) => startWithFaults(faults, options),
};
