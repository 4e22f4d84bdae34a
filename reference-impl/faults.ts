/**
 * Deliberate defects, for proving that the harness catches them (simulators/defective/). Off by
 * default: the reference implementation started without `faults` is the correct one. Each flag is
 * read at the one place that implements the behaviour it breaks.
 */
export interface Faults {
  /** Reads the voucher without `FOR UPDATE` and writes back the balance it read: lost updates, overspend. */
  skipRowLock?: boolean;
  /** Every request is treated as new: a retried redemption moves money twice (RD-06). */
  ignoreIdempotencyKeys?: boolean;
  /** Expired vouchers and expired holds still pay; the hold sweeper does not run (LC-05, RD-04). */
  ignoreExpiry?: boolean;
  /** getBalance answers 200 with a body outside the contract (amounts as strings). */
  wrongBodyOn200?: boolean;
  /** GET voucher and balance are served from an in-memory cache that no write invalidates. */
  staleBalanceReads?: boolean;
  /** The exclusive-hold (and redeem-entire) check is skipped: a second open hold gets through. */
  exclusiveNotExclusive?: boolean;
  /** A capture answers 201 and its transaction is then rolled back: the acknowledged capture is lost. */
  ackBeforeCommit?: boolean;
  /** Any valid key may call any operation: a POS key issues vouchers, a back-office key redeems. */
  skipRoleCheck?: boolean;
  /** createHold, captureHold and redeem answer `201 {}` at once: nothing is held, captured or taken. */
  ackWithoutMoving?: boolean;
  /**
   * A spend the voucher refuses (a 409 of createHold, captureHold or redeem) is answered 201, with the
   * problem document it would have sent as the body; nothing moves.
   */
  refusalsAsCreated?: boolean;
  /**
   * A use (hold, capture, redemption) reads the voucher's state before the row lock and decides on that
   * stale read: a one-time voucher redeemed by a use that committed meanwhile still pays. The balance is
   * the locked one (debits stay exact); only the one-time rule breaks (LC-07).
   */
  staleOneTimeCheck?: boolean;
  /** refundRedemption answers 500 internal_error (problem+json) and changes nothing. */
  refundsFail?: boolean;
  /** POST /vouchers/{id}/redemptions answers 405 method_not_allowed, though one-step-redeem is claimed. */
  redeemRouteMissing?: boolean;
  /** An idempotent replay of a 201 answer comes back as 200 (same body). */
  replaysAs200?: boolean;
  /**
   * The reports see only full redemptions: a voucher keeps its denomination as balance and liability
   * until it is used up, and a partial use is neither counted as used nor listed among the uses.
   */
  reportsIgnorePartialUses?: boolean;
  /** The activity report counts refunds of payments as returned vouchers, and returned vouchers not at all. */
  refundsCountedAsReturns?: boolean;
  /**
   * One Idempotency-Key space for every tenant: another tenant's request under a key already used is
   * refused as reused (or, the same request, answered with the first tenant's answer).
   */
  keysAcrossTenants?: boolean;
  /** Refusals are not kept: a retry of a refused request (same key, same request) runs again. */
  refusalsNotReplayed?: boolean;
  /**
   * A top-up adds to the balance it read before locking the voucher: a payment that committed meanwhile
   * is written over (a lost update that gives the spent money back).
   */
  topUpLostUpdate?: boolean;
  /**
   * A refund credits the balance it read before locking the voucher: a payment that committed meanwhile
   * is written over (the refund racing it gives that payment's money back).
   */
  refundLostUpdate?: boolean;
  /**
   * A capture decides on the hold as read before the voucher's lock: two captures of one hold under
   * different keys both see it open, and both take the money.
   */
  captureStaleHold?: boolean;
  /**
   * Validity compared a day late (the end date taken as inclusive): a voucher still pays, holds and
   * takes top-ups for a day after the end of validity it shows; reads call it expired on time.
   */
  expiryADayLate?: boolean;
  /** Restoring a canceled voucher makes it activated (spendable) instead of prepared (LC-09). */
  restoreReactivates?: boolean;
  /** A top-up is accepted on an expired voucher (LC-05, LC-13): its other rules still hold. */
  topUpIgnoresExpiry?: boolean;
  /** A redemption is refunded onto an expired voucher (LC-05: no refund after validity). */
  refundIgnoresExpiry?: boolean;
  /**
   * A partial capture releases only what it took: the rest of the hold stays reserved for good, so the
   * voucher's available amount never comes back (RD-02, CC-03).
   */
  partialCaptureKeepsRest?: boolean;
  /**
   * The hold sweeper reads the voucher without its row lock and writes it back once it has expired the
   * due holds: a payment that committed in between is undone (RD-04; a lost update). Only the sweep run
   * on demand (test control, for the caller's tenant) has it: the background round is off, since on a
   * shared database it would reach other servers' tenants.
   */
  sweepWithoutLock?: boolean;
}

export const noFaults: Readonly<Faults> = Object.freeze({});
