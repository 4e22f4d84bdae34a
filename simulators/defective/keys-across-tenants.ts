import type { DefectiveImplementation } from './defective-implementation.ts';
import { startWithFaults } from './start-with-faults.ts';

const faults = { keysAcrossTenants: true };

/** Idempotency-Keys are one space for all tenants instead of each tenant's own. */
export const keysAcrossTenants: DefectiveImplementation = {
  name: 'keys-across-tenants',
  defect:
    "idempotency keys are global, not a tenant's own: another retailer's request under a key already used is refused as reused",
  faults,
  catches: ['RD-06', 'features/idempotency'],
  start: (options) => startWithFaults(faults, options),
};
