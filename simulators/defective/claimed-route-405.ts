import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { redeemRouteMissing: true };

/** Claims one-step redemption but has no such route: every POST /vouchers/{id}/redemptions is 405. */
export const claimedRoute405: DefectiveImplementation = {
  name: 'claimed-route-405',
  defect:
    'claims one-step-redeem at GET /capabilities but answers every POST /vouchers/{id}/redemptions with 405 method_not_allowed',
  faults,
  catches: [
    'RD-01',
    'RD-03',
    'RD-06',
    'LC-13',
    'CC-01',
    'features/redemption',
    'features/lifecycle',
    'features/idempotency',
    'features/concurrency',
    'checker:contract',
  ],
  start: (options) => startWithFaults(faults, options),
};
