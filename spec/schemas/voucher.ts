import { type Static, Type } from '@sinclair/typebox';
import { policies } from '../capabilities.ts';
import { Balance, Code, CurrencyCode, nullable, Text, Timestamp, Uuid } from './common.ts';

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
    id: Uuid,
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
    voucherTypeId: Uuid,
    code: Code,
    numberPrefix: Type.String({ pattern: '^[A-Z0-9]{0,8}$' }),
    capacity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type TemplateInput = Static<typeof TemplateInput>;

export const Template = Type.Object(
  {
    id: Uuid,
    voucherTypeId: Uuid,
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

export const Voucher = Type.Object(
  {
    id: Uuid,
    number: Type.String(),
    barcode: Type.String(),
    magstripe: Type.String(),
    qr: Type.String(),
    voucherTypeId: Uuid,
    templateId: Uuid,
    productCode: Type.String(),
    policy: Policy,
    reusable: Type.Boolean(),
    topUpAllowed: Type.Boolean(),
    state: Type.String({ enum: [...voucherStates] } as never),
    usage: Type.String({ enum: [...usageStatuses] } as never),
    denomination: Balance,
    balance: Balance,
    available: Balance,
    issuedAt: Timestamp,
    activatedAt: nullable(Timestamp),
    expiresAt: Timestamp,
    remainderOf: nullable(Uuid),
  },
  { additionalProperties: false },
);
export type Voucher = Static<typeof Voucher>;

export const IssuedBatch = Type.Object(
  { templateId: Uuid, vouchers: Type.Array(Voucher) },
  { additionalProperties: false },
);

export const BalanceInquiry = Type.Object(
  {
    voucherId: Uuid,
    number: Type.String(),
    voucherType: Type.Object(
      { id: Uuid, code: Type.String(), name: Type.String() },
      { additionalProperties: false },
    ),
    productCode: Type.String(),
    state: Type.String({ enum: [...voucherStates] } as never),
    usage: Type.String({ enum: [...usageStatuses] } as never),
    denomination: Balance,
    balance: Balance,
    available: Balance,
    expiresAt: Timestamp,
  },
  { additionalProperties: false },
);
export type BalanceInquiry = Static<typeof BalanceInquiry>;
