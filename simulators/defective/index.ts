import { ackWithoutMoving } from './ack-without-moving.ts';
import { captureLostAfterAck } from './capture-lost-after-ack.ts';
import { captureStaleHold } from './capture-stale-hold.ts';
import { claimedRoute405 } from './claimed-route-405.ts';
import type { DefectiveImplementation } from './defective-implementation.ts';
import { exclusiveNotExclusive } from './exclusive-not-exclusive.ts';
import { expiredVoucherPays } from './expired-voucher-pays.ts';
import { expiryADayLate } from './expiry-a-day-late.ts';
import { keysAcrossTenants } from './keys-across-tenants.ts';
import { oneTimeReused } from './one-time-reused.ts';
import { overspendUnderRace } from './overspend-under-race.ts';
import { partialCaptureKeepsRest } from './partial-capture-keeps-rest.ts';
import { refundIgnoresExpiry } from './refund-ignores-expiry.ts';
import { refundLostUpdate } from './refund-lost-update.ts';
import { refundsCountedAsReturns } from './refunds-counted-as-returns.ts';
import { refundsFail } from './refunds-fail.ts';
import { refusalsAsCreated } from './refusals-as-created.ts';
import { refusalsNotReplayed } from './refusals-not-replayed.ts';
import { replaysAs200 } from './replays-as-200.ts';
import { reportsIgnorePartialUses } from './reports-ignore-partial-uses.ts';
import { restoreReactivates } from './restore-reactivates.ts';
import { retryNotIdempotent } from './retry-not-idempotent.ts';
import { rolesNotEnforced } from './roles-not-enforced.ts';
import { staleBalanceCache } from './stale-balance-cache.ts';
import { sweeperLostUpdate } from './sweeper-lost-update.ts';
import { topUpIgnoresExpiry } from './top-up-ignores-expiry.ts';
import { topUpLostUpdate } from './top-up-lost-update.ts';
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
  ackWithoutMoving,
  refusalsAsCreated,
  oneTimeReused,
  refundsFail,
  claimedRoute405,
  replaysAs200,
  reportsIgnorePartialUses,
  refundsCountedAsReturns,
  keysAcrossTenants,
  refusalsNotReplayed,
  topUpLostUpdate,
  captureStaleHold,
  refundLostUpdate,
  expiryADayLate,
  restoreReactivates,
  topUpIgnoresExpiry,
  refundIgnoresExpiry,
  partialCaptureKeepsRest,
  sweeperLostUpdate,
];

/** The defective implementation of that name, or undefined. */
export const defectiveImplementation = (name: string) =>
  defectiveImplementations.find((d) => d.name === name);
