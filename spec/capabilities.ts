/** Names of the optional parts of the contract that an implementation may claim at GET /capabilities. */
export const policies = ['balance-guard', 'exclusive-hold', 'amount-holds', 'redeem-entire'] as const;
export type Policy = (typeof policies)[number];

export const capabilityNames = [
  ...policies,
  'holds',
  'one-step-redeem',
  'partial-capture',
  'hold-expiry',
  'one-time-vouchers',
  'top-up',
  'voucher-refund',
  'redemption-refund',
  'reports',
  'tenders',
  'test-control',
] as const;
export type Capability = (typeof capabilityNames)[number];

export const identifierKinds = ['number', 'barcode', 'magstripe', 'qr'] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export const roles = ['pos', 'webshop', 'backoffice'] as const;
export type Role = (typeof roles)[number];
