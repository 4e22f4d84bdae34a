/**
 * The profile of a voucher system: a core that every stored-value system has, and optional
 * capabilities that an implementation claims at GET /capabilities (or its adapter claims for it).
 * Scenarios tag what they need beyond the core (`@capability:holds`); a scenario that needs a capability
 * the target does not claim is reported "not claimed", never passed or failed.
 *
 * The core, which needs no tag: balance inquiry (getBalance), reading a voucher (getVoucher), paying
 * (through holds or in one step, whichever the system claims: it must claim one), refusing what the
 * voucher cannot pay, idempotent retries, and the safety of the concurrency policy it claims.
 */
export const policies = ['balance-guard', 'exclusive-hold', 'amount-holds', 'redeem-entire'] as const;
export type Policy = (typeof policies)[number];

/** Each optional capability, and what claiming it means. */
export const capabilityMeanings = {
  'balance-guard': 'policy CC-01: any number of receipts may select a voucher; the check is at payment',
  'exclusive-hold': 'policy CC-02: one open hold at a time; others are refused voucher_in_use',
  'amount-holds': 'policy CC-03: holds reserve their amount; their sum never exceeds the balance',
  'redeem-entire': 'policy CC-04: a voucher is used once; the rest becomes a new remainder voucher',
  holds: 'RD-02: holds (authorizations) that are captured or released',
  'one-step-redeem': 'RD-01: redemption in one step, without a hold',
  'partial-capture': 'capturing less than the held amount',
  'hold-expiry': 'RD-04: holds expire after their time-to-live',
  'one-time-vouchers': 'LC-07: vouchers that are redeemed after their first use',
  'top-up': 'LC-11: loading value onto a reusable voucher',
  'voucher-refund': 'LC-08: returning an unused voucher with a return document',
  'redemption-refund': 'RD-05: crediting back what a redemption took',
  'two-phase-sale': 'LC-03, LC-06: vouchers issued prepared and sold in two phases',
  'cancel-restore': 'LC-09: canceling a voucher manually and restoring it',
  'validity-change': 'LC-05: changing the validity of a voucher manually',
  templates: 'LC-01, LC-04, LC-12: voucher types and templates with a capacity; issuing from them',
  identifiers: 'LC-02: number, barcode, magnetic stripe and QR code, each finds the voucher',
  roles: 'keys with roles (pos, webshop, backoffice) that restrict what each may do',
  ledger: 'RD-07: an append-only ledger per voucher that explains its balance',
  reports: 'RP-01..RP-04: voucher, activity, liability and uses reports, and reading a redemption back',
  tenders: 'TA-01..TA-13: tender admissibility and its configuration',
  'test-control': 'fresh tenants and a movable clock for testing',
  'sweep-control': "RD-04: running the service's background expiry of holds on demand, for testing",
} as const;

export type Capability = keyof typeof capabilityMeanings;
export const capabilityNames = Object.keys(capabilityMeanings) as Capability[];

/** The capabilities that give a way to pay: a system must claim at least one. */
export const payingCapabilities: readonly Capability[] = ['holds', 'one-step-redeem'];

export const identifierKinds = ['number', 'barcode', 'magstripe', 'qr'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export const roles = ['pos', 'webshop', 'backoffice'] as const;
export type Role = (typeof roles)[number];
