import { type Static, Type } from '@sinclair/typebox';
import { Balance, Id, Money, nullable, ReportedBalance, Timestamp } from './common.ts';
import { Receipt } from './receipt.ts';
import { Voucher } from './voucher.ts';

export const holdStatuses = ['open', 'captured', 'released', 'expired'] as const;
export type HoldStatus = (typeof holdStatuses)[number];

export const HoldInput = Type.Object(
  {
    amount: Money,
    receipt: Receipt,
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })),
  },
  { additionalProperties: false },
);
export type HoldInput = Static<typeof HoldInput>;

/** A hold (an authorization): its id, amount and status are what every system with holds gives. */
export const Hold = Type.Object(
  {
    id: Id,
    voucherId: Type.Optional(Id),
    amount: Balance,
    status: Type.String({ enum: [...holdStatuses] } as never),
    receipt: Type.Optional(Receipt),
    createdAt: Type.Optional(Timestamp),
    expiresAt: Type.Optional(Timestamp),
    redemptionId: Type.Optional(nullable(Id)),
  },
  { additionalProperties: false },
);
export type Hold = Static<typeof Hold>;

export const CaptureInput = Type.Object(
  { amount: Type.Optional(Money) },
  { additionalProperties: false, description: 'Without an amount the whole hold is captured.' },
);
export type CaptureInput = Static<typeof CaptureInput>;

export const ReleaseInput = Type.Object({}, { additionalProperties: false });

export const RedeemInput = Type.Object({ amount: Money, receipt: Receipt }, { additionalProperties: false });
export type RedeemInput = Static<typeof RedeemInput>;

/**
 * What a capture or one-step redemption took. Required: what every system answers (an id, the voucher,
 * the amount). `balanceAfter` is optional: many systems do not return it, and the checkers treat its
 * absence as unknown, never as a value to invent.
 */
export const Redemption = Type.Object(
  {
    id: Id,
    voucherId: Id,
    holdId: Type.Optional(nullable(Id)),
    amount: Balance,
    refunded: Type.Optional(Balance),
    receipt: Type.Optional(Receipt),
    capturedAt: Type.Optional(Timestamp),
    balanceAfter: Type.Optional(ReportedBalance),
    remainderVoucher: Type.Optional(nullable(Voucher)),
  },
  { additionalProperties: false },
);
export type Redemption = Static<typeof Redemption>;

export const RefundInput = Type.Object(
  {
    amount: Type.Optional(Money),
    receipt: Receipt,
  },
  { additionalProperties: false, description: 'Without an amount, all that remains refundable is credited.' },
);
export type RefundInput = Static<typeof RefundInput>;

export const Refund = Type.Object(
  {
    id: Id,
    redemptionId: Type.Optional(Id),
    voucherId: Type.Optional(Id),
    amount: Balance,
    refundedTotal: Type.Optional(Balance),
    balanceAfter: Type.Optional(ReportedBalance),
    createdAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type Refund = Static<typeof Refund>;

export const TopUpInput = Type.Object({ amount: Money, receipt: Receipt }, { additionalProperties: false });
export type TopUpInput = Static<typeof TopUpInput>;
