import { type Static, Type } from '@sinclair/typebox';
import { Balance, Money, nullable, Timestamp, Uuid } from './common.ts';
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

export const Hold = Type.Object(
  {
    id: Uuid,
    voucherId: Uuid,
    amount: Balance,
    status: Type.String({ enum: [...holdStatuses] } as never),
    receipt: Receipt,
    createdAt: Timestamp,
    expiresAt: Timestamp,
    redemptionId: nullable(Uuid),
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

export const Redemption = Type.Object(
  {
    id: Uuid,
    voucherId: Uuid,
    holdId: nullable(Uuid),
    amount: Balance,
    refunded: Balance,
    receipt: Receipt,
    capturedAt: Timestamp,
    balanceAfter: Balance,
    remainderVoucher: nullable(Voucher),
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
    id: Uuid,
    redemptionId: Uuid,
    voucherId: Uuid,
    amount: Balance,
    refundedTotal: Balance,
    balanceAfter: Balance,
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);
export type Refund = Static<typeof Refund>;

export const TopUpInput = Type.Object({ amount: Money, receipt: Receipt }, { additionalProperties: false });
export type TopUpInput = Static<typeof TopUpInput>;
