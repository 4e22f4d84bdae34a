import { type Static, Type } from '@sinclair/typebox';
import { Balance, Code, Id, nullable, ReportedBalance, Timestamp, textPattern } from './common.ts';
import { voucherStates } from './voucher.ts';

export const VoucherReportQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ enum: [...voucherStates] } as never)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    after: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type VoucherReportQuery = Static<typeof VoucherReportQuery>;

export const VoucherReport = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          voucherId: Id,
          number: Type.String(),
          voucherType: Type.String(),
          denomination: Balance,
          state: Type.String(),
          balance: ReportedBalance,
        },
        { additionalProperties: false },
      ),
    ),
    next: nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const periods = ['day', 'month', 'quarter', 'year'] as const;
export const dimensions = ['store', 'register', 'legalEntity'] as const;

export const ActivityQuery = Type.Object(
  {
    period: Type.String({ enum: [...periods] } as never),
    groupBy: Type.Optional(Type.String({ enum: [...dimensions] } as never)),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type ActivityQuery = Static<typeof ActivityQuery>;

export const ActivityReport = Type.Object(
  {
    period: Type.String(),
    groupBy: nullable(Type.String()),
    rows: Type.Array(
      Type.Object(
        {
          period: Type.String({ description: 'e.g. 2026-11-23, 2026-11, 2026-Q4, 2026' }),
          group: nullable(Type.String()),
          issued: Type.Integer({ minimum: 0 }),
          sold: Type.Integer({ minimum: 0 }),
          used: Type.Integer({ minimum: 0 }),
          returned: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const LiabilityQuery = Type.Object(
  {
    voucherType: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        pattern: textPattern,
        description: 'only vouchers of this type: its code (as the voucher report names it) or its id',
      }),
    ),
  },
  { additionalProperties: false },
);
export type LiabilityQuery = Static<typeof LiabilityQuery>;

export const LiabilityReport = Type.Object(
  {
    totals: Type.Array(
      Type.Object(
        {
          currency: Type.String(),
          amount: Type.Integer({ minimum: 0 }),
          vouchers: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const UsesQuery = Type.Object(
  {
    voucherId: Type.Optional(Id),
    store: Type.Optional(Code),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type UsesQuery = Static<typeof UsesQuery>;

export const UsesReport = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          redemptionId: Id,
          voucherId: Id,
          number: Type.String(),
          receiptNumber: Type.String(),
          at: Timestamp,
          products: Type.Array(Type.String()),
          receiptAmount: nullable(Balance),
          voucherAmount: Balance,
          refunded: Balance,
          store: Type.String(),
          register: Type.String(),
          channel: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
