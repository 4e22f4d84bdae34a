import { type Capability, capabilityNames, identifierKinds } from '../../spec/capabilities.ts';
import { contractVersion } from '../../spec/openapi.ts';
import { maxAmount } from '../../spec/schemas/common.ts';

import { maxBodyBytes } from './limits.ts';

/** Capabilities that exist only on a server started for testing. */
const testOnly: readonly Capability[] = ['test-control', 'sweep-control'];

/** What the reference implementation claims: everything, test control (and sweeps) only when on. */
export function capabilities(testControl: boolean) {
  const claimed = capabilityNames.filter((c: Capability) => testControl || !testOnly.includes(c));
  return {
    contractVersion,
    implementation: 'voucher-conformance reference implementation',
    capabilities: claimed,
    identifiers: [...identifierKinds],
    limits: { maxBodyBytes, maxAmount, maxHoldTtlSeconds: 86400 },
  };
}
