import { type Static, Type } from '@sinclair/typebox';
import { policies } from '../capabilities.ts';
import { Balance, Code, CurrencyCode, Id, nullable, ReportedBalance, Text, Timestamp } from './common.ts';

export const voucherStates = [
  'prepared',
  'activating',
  'activated',
  'refunding',
  'refunded',
  'redeemed',
  'expired',
  'canceled',
] as const;
export type VoucherState = (typeof voucherStates)[number];
export const usageStatuses = ['not-redeemed', 'in-use', 'redeemed'] as const;
export type UsageStatus = (typeof usageStatuses)[number];

export const Policy = Type.String({ enum: [...policies] } as never);

export const VoucherTypeInput = Type.Object(
  {
    code: Code,
    name: Text,
    currency: CurrencyCode,
    productCode: Code,
    validityDays: Type.Integer({ minimum: 1, maximum: 36500 }),
    reusable: Type.Boolean(),
    topUpAllowed: Type.Boolean(),
    policy: Policy,
    holdTtlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400, default: 900 })),
  },
  { additionalProperties: false },
);
export type VoucherTypeInput = Static<typeof VoucherTypeInput>;

export const VoucherType = Type.Object(
  {
    id: Id,
    code: Code,
    name: Text,
    currency: CurrencyCode,
    productCode: Code,
    validityDays: Type.Integer(),
    reusable: Type.Boolean(),
    topUpAllowed: Type.Boolean(),
    policy: Policy,
    holdTtlSeconds: Type.Integer(),
  },
  { additionalProperties: false },
);
export type VoucherType = Static<typeof VoucherType>;

export const TemplateInput = Type.Object(
  {
    voucherTypeId: Id,
    code: Code,
    numberPrefix: Type.String({ pattern: '^[A-Z0-9]{0,8}$' }),
    capacity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type TemplateInput = Static<typeof TemplateInput>;

export const Template = Type.Object(
  {
    id: Id,
    voucherTypeId: Id,
    code: Code,
    numberPrefix: Type.String(),
    capacity: Type.Integer(),
    issued: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Template = Static<typeof Template>;

export const IssueInput = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 1000 }),
    denomination: Type.Object(
      { amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }), currency: CurrencyCode },
      { additionalProperties: false },
    ),
    store: Type.Optional(Code),
    legalEntity: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type IssueInput = Static<typeof IssueInput>;

/**
 * A voucher as the back office reads it. Required: what any stored-value system can say of a card (its id,
 * state, denomination and balance); the rest belongs to optional capabilities (identifiers, templates,
 * holds) and is checked by the scenarios that claim them.
 */
export const Voucher = Type.Object(
  {
    id: Id,
    number: Type.Optional(Type.String()),
    barcode: Type.Optional(Type.String()),
    magstripe: Type.Optional(Type.String()),
    qr: Type.Optional(Type.String()),
    voucherTypeId: Type.Optional(Id),
    templateId: Type.Optional(Id),
    productCode: Type.Optional(Type.String()),
    policy: Type.Optional(Policy),
    reusable: Type.Optional(Type.Boolean()),
    topUpAllowed: Type.Optional(Type.Boolean()),
    state: Type.String({ enum: [...voucherStates] } as never),
    usage: Type.Optional(Type.String({ enum: [...usageStatuses] } as never)),
    denomination: Balance,
    balance: ReportedBalance,
    available: Type.Optional(ReportedBalance),
    issuedAt: Type.Optional(Timestamp),
    activatedAt: Type.Optional(nullable(Timestamp)),
    expiresAt: Type.Optional(nullable(Timestamp)),
    remainderOf: Type.Optional(nullable(Id)),
  },
  { additionalProperties: false },
);
export type Voucher = Static<typeof Voucher>;

export const IssuedBatch = Type.Object(
  { templateId: Id, vouchers: Type.Array(Voucher) },
  { additionalProperties: false },
);

/** LC-12: a balance inquiry. Every system gives the balance; the rest is checked where a scenario asks. */
export const BalanceInquiry = Type.Object(
  {
    voucherId: Id,
    number: Type.Optional(Type.String()),
    voucherType: Type.Optional(
      Type.Object({ id: Id, code: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
    productCode: Type.Optional(Type.String()),
    state: Type.Optional(Type.String({ enum: [...voucherStates] } as never)),
    usage: Type.Optional(Type.String({ enum: [...usageStatuses] } as never)),
    denomination: Type.Optional(Balance),
    balance: ReportedBalance,
    available: Type.Optional(ReportedBalance),
    expiresAt: Type.Optional(nullable(Timestamp)),
  },
  { additionalProperties: false },
);
export type BalanceInquiry = Static<typeof BalanceInquiry>;
