import { captureLostAfterAck } from './capture-lost-after-ack.ts';
import type { DefectiveImplementation } from './defective-implementation.ts';
import { exclusiveNotExclusive } from './exclusive-not-exclusive.ts';
import { expiredVoucherPays } from './expired-voucher-pays.ts';
import { overspendUnderRace } from './overspend-under-race.ts';
import { retryNotIdempotent } from './retry-not-idempotent.ts';
import { rolesNotEnforced } from './roles-not-enforced.ts';
import { staleBalanceCache } from './stale-balance-cache.ts';
import { wrongBalanceBody } from './wrong-balance-body.ts';

export type { DefectiveImplementation, StartedTarget, StartOptions } from './defective-implementation.ts';

/** Every deliberately defective implementation, one defect each (see simulators/README.md). */
export const defectiveImplementations: readonly DefectiveImplementation[] = [
  overspendUnderRace,
  retryNotIdempotent,
  expiredVoucherPays,
  wrongBalanceBody,
  staleBalanceCache,
  exclusiveNotExclusive,
  captureLostAfterAck,
  rolesNotEnforced,
];

/** The defective implementation of that name, or undefined. */
export const defectiveImplementation = (name: string) =>
  defectiveImplementations.find((d) => d.name === name);
