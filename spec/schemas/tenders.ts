import { type Static, Type } from '@sinclair/typebox';
import { Code, CurrencyCode, Money, maxAmount, Text, Timestamp } from './common.ts';

/**
 * Tender admissibility (DOMAIN.md TA, seed 002): the plain JSON form of a tender configuration,
 * the receipt a POS asks about, and the verdicts. Field names are the vendor's element names in
 * camelCase so a consultant can map them to the XML shapes one to one.
 */

export const saleReturnTypeCodes = ['SALES_AND_RETURNS', 'SALES', 'RETURNS'] as const;
export type SaleReturnTypeCode = (typeof saleReturnTypeCodes)[number];

export const ruleIds = [
  'TA-01',
  'TA-02',
  'TA-03',
  'TA-04',
  'TA-05',
  'TA-06',
  'TA-07',
  'TA-08',
  'TA-09',
  'TA-10',
  'TA-11',
] as const;
export type RuleId = (typeof ruleIds)[number];

const Flag = Type.Optional(Type.Boolean({ default: false }));

export const TenderRestrictionRule = Type.Object(
  {
    forbiddenTransactionTypeCode: Type.Optional(Code),
    forbiddenLineItemTypeCode: Type.Optional(Code),
  },
  {
    additionalProperties: false,
    description:
      'Naming both codes forbids the tender only when the transaction type AND a line item type match.',
  },
);
export type TenderRestrictionRule = Static<typeof TenderRestrictionRule>;

export const Tender = Type.Object(
  {
    tenderTypeCode: Code,
    tenderClassCode: Type.Optional(Code),
    isoCurrencyCode: CurrencyCode,
    description: Type.Optional(Text),
    blockingFlag: Flag,
    exclusiveFlag: Flag,
    saleReturnTypeCode: Type.Optional(
      Type.String({ enum: [...saleReturnTypeCodes], default: 'SALES_AND_RETURNS' } as never),
    ),
    restrictionRules: Type.Optional(Type.Array(TenderRestrictionRule, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type Tender = Static<typeof Tender>;

export const CustomerTenderGroup = Type.Object(
  { customerTenderGroupCode: Code, description: Type.Optional(Text), defaultFlag: Flag },
  { additionalProperties: false },
);
export type CustomerTenderGroup = Static<typeof CustomerTenderGroup>;

export const CustomerTenderGroupTender = Type.Object(
  {
    customerTenderGroupCode: Code,
    tenderTypeCode: Code,
    timeStampEffective: Type.Optional(Timestamp),
  },
  { additionalProperties: false, description: 'The tender belongs to the group from timeStampEffective on.' },
);
export type CustomerTenderGroupTender = Static<typeof CustomerTenderGroupTender>;

export const CustomerGroup = Type.Object(
  { customerGroupId: Code, name: Type.Optional(Text), allowedTermsOfPayments: Type.Optional(Code) },
  { additionalProperties: false, description: 'allowedTermsOfPayments names a customer tender group.' },
);
export type CustomerGroup = Static<typeof CustomerGroup>;

export const Customer = Type.Object(
  { customerId: Code, customerGroupIds: Type.Array(Code, { maxItems: 100 }) },
  { additionalProperties: false },
);
export type Customer = Static<typeof Customer>;

export const TenderAdjustmentRule = Type.Object(
  { originalTenderTypeCode: Code, newTenderTypeCode: Code },
  {
    additionalProperties: false,
    description: 'Exchange from the original tender to the new tender is allowed.',
  },
);
export type TenderAdjustmentRule = Static<typeof TenderAdjustmentRule>;

export const TenderSaleReturnRule = Type.Object(
  { returnTenderTypeCode: Code, saleTenderTypeCode: Code },
  {
    additionalProperties: false,
    description:
      'returnTenderTypeCode is on the original receipt; saleTenderTypeCode may be used on the return.',
  },
);
export type TenderSaleReturnRule = Static<typeof TenderSaleReturnRule>;

export const ReasonTender = Type.Object(
  { reasonCode: Code, reasonCodeGroupCode: Code, tenderTypeCode: Code },
  { additionalProperties: false },
);
export type ReasonTender = Static<typeof ReasonTender>;

export const ReasonParameter = Type.Object(
  { code: Code, name: Type.Optional(Text), value: Type.String({ maxLength: 200 }) },
  {
    additionalProperties: false,
    description: 'LIMIT: a decimal amount in major units of the receipt currency.',
  },
);
export type ReasonParameter = Static<typeof ReasonParameter>;

export const Reason = Type.Object(
  {
    reasonCode: Code,
    reasonCodeGroupCode: Code,
    description: Type.Optional(Text),
    parameters: Type.Optional(Type.Array(ReasonParameter, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type Reason = Static<typeof Reason>;

export const TenderSwitches = Type.Object(
  { checkCustomerGroupTender: Flag, checkReasonTender: Flag },
  { additionalProperties: false, description: 'allowedTendersConfigs.properties, profile Default.' },
);
export type TenderSwitches = Static<typeof TenderSwitches>;

const list = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Array(item, { maxItems: 10000 });

/** A whole configuration as GET /tenders/config returns it: every list present, sorted by its key. */
export const TenderConfig = Type.Object(
  {
    tenders: list(Tender),
    customerTenderGroups: list(CustomerTenderGroup),
    customerTenderGroupTenders: list(CustomerTenderGroupTender),
    customerGroups: list(CustomerGroup),
    customers: list(Customer),
    tenderAdjustmentRules: list(TenderAdjustmentRule),
    tenderSaleReturnRules: list(TenderSaleReturnRule),
    reasonTenders: list(ReasonTender),
    reasons: list(Reason),
    switches: TenderSwitches,
  },
  { additionalProperties: false },
);
export type TenderConfig = Static<typeof TenderConfig>;

/** The JSON form as written by hand: any list may be left out; several documents merge into one. */
export const TenderConfigDocument = Type.Partial(TenderConfig, { additionalProperties: false });
export type TenderConfigDocument = Static<typeof TenderConfigDocument>;

export const VendorFile = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: '*.properties, *.json, anything else is XML',
    }),
    content: Type.String({ maxLength: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type VendorFile = Static<typeof VendorFile>;

export const VendorImport = Type.Object(
  { format: Type.Literal('xml'), files: Type.Array(VendorFile, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type VendorImport = Static<typeof VendorImport>;

export const TenderConfigLoad = Type.Union([TenderConfigDocument, VendorImport]);
export type TenderConfigLoad = Static<typeof TenderConfigLoad>;

/** A receipt total: negative for returns. */
export const SignedMoney = Type.Object(
  {
    amount: Type.Integer({ minimum: -maxAmount, maximum: maxAmount, description: 'integer minor units' }),
    currency: CurrencyCode,
  },
  { additionalProperties: false },
);
export type SignedMoney = Static<typeof SignedMoney>;

export const TenderReceipt = Type.Object(
  {
    transactionType: Code,
    lineItems: Type.Array(Type.Object({ type: Code }, { additionalProperties: false }), { maxItems: 500 }),
    total: SignedMoney,
    customer: Type.Optional(
      Type.Object(
        { id: Type.Optional(Code), groups: Type.Optional(Type.Array(Code, { maxItems: 100 })) },
        {
          additionalProperties: false,
          description: 'Groups given here join those the customer has by import.',
        },
      ),
    ),
    tenders: Type.Optional(
      Type.Array(Code, { maxItems: 100, description: 'Tenders already on the receipt' }),
    ),
    originalTenders: Type.Optional(
      Type.Array(Code, {
        maxItems: 100,
        description: 'Tenders of the original receipt, for a return based on it',
      }),
    ),
    payInOut: Type.Optional(
      Type.Object(
        { reasonCode: Code, reasonCodeGroupCode: Type.Optional(Code), amount: Money },
        { additionalProperties: false },
      ),
    ),
    at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When the tender is used; defaults to the server clock',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TenderReceipt = Static<typeof TenderReceipt>;

export const Refusal = Type.Object(
  { rule: Type.String({ enum: [...ruleIds] } as never), reason: Type.String() },
  { additionalProperties: false },
);
export type Refusal = { rule: RuleId; reason: string };

export const TenderVerdict = Type.Object(
  { tender: Code, allowed: Type.Boolean(), refusedBy: Type.Array(Refusal) },
  { additionalProperties: false },
);
export type TenderVerdict = { tender: string; allowed: boolean; refusedBy: Refusal[] };

export const TenderEvaluation = Type.Object(
  { tenders: Type.Array(TenderVerdict) },
  { additionalProperties: false },
);
export type TenderEvaluation = { tenders: TenderVerdict[] };

export const ExchangeCheckInput = Type.Object({ from: Code, to: Code }, { additionalProperties: false });
export type ExchangeCheckInput = Static<typeof ExchangeCheckInput>;

export const ExchangeVerdict = Type.Object(
  { from: Code, to: Code, allowed: Type.Boolean(), refusedBy: Type.Array(Refusal) },
  { additionalProperties: false },
);
export type ExchangeVerdict = { from: string; to: string; allowed: boolean; refusedBy: Refusal[] };
