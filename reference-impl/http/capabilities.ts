import { type Capability, capabilityNames, identifierKinds } from '../../spec/capabilities.ts';
import { contractVersion } from '../../spec/openapi.ts';
import { maxAmount } from '../../spec/schemas/common.ts';

import { maxBodyBytes } from './limits.ts';

/** What the reference implementation claims: everything, test control only when on. */
export function capabilities(testControl: boolean) {
  const claimed = capabilityNames.filter((c: Capability) => c !== 'test-control' || testControl);
  return {
    contractVersion,
    implementation: 'voucher-conformance reference implementation',
    capabilities: claimed,
    identifiers: [...identifierKinds],
    limits: { maxBodyBytes, maxAmount, maxHoldTtlSeconds: 86400 },
  };
}
