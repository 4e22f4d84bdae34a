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
}

export const noFaults: Readonly<Faults> = Object.freeze({});
