import { type Static, Type } from '@sinclair/typebox';
import { Text, Timestamp } from './common.ts';
import { Receipt } from './receipt.ts';

export const SaleInput = Type.Object({ receipt: Receipt }, { additionalProperties: false });
export type SaleInput = Static<typeof SaleInput>;

export const Empty = Type.Object({}, { additionalProperties: false });

export const ReturnCompleteInput = Type.Object(
  {
    outcome: Type.String({
      enum: ['refunded', 'prepared'],
      description: 'per-register setting: the voucher ends refunded, or goes back to prepared for resale',
    } as never),
  },
  { additionalProperties: false },
);
export type ReturnCompleteInput = Static<typeof ReturnCompleteInput>;

export const CancelInput = Type.Object({ reason: Text }, { additionalProperties: false });
export type CancelInput = Static<typeof CancelInput>;

export const ValidityInput = Type.Object({ expiresAt: Timestamp }, { additionalProperties: false });
export type ValidityInput = Static<typeof ValidityInput>;
