import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { currencyCodes } from '../currencies.ts';
import { errorCodes } from '../errors.ts';

/** Largest amount the contract accepts: 10^12 minor units, well inside both int64 and JS safe integers. */
export const maxAmount = 1_000_000_000_000;

export const CurrencyCode = Type.String({
  enum: currencyCodes,
  description: 'ISO 4217 alphabetic code',
} as never);

/** A positive amount in a request. */
export const Money = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: maxAmount, description: 'integer minor units' }),
    currency: CurrencyCode,
  },
  { additionalProperties: false },
);
export type Money = Static<typeof Money>;

/** An amount in a response: zero allowed. */
export const Balance = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: maxAmount * 1000 }),
    currency: CurrencyCode,
  },
  { additionalProperties: false },
);
export type Balance = Static<typeof Balance>;

/**
 * A balance as a system reports it: signed. A negative balance is a finding that the checkers judge
 * (money spent beyond the funds); the contract does not hide it behind a malformed answer.
 */
export const ReportedBalance = Type.Object(
  {
    amount: Type.Integer({ minimum: -maxAmount * 1000, maximum: maxAmount * 1000 }),
    currency: CurrencyCode,
  },
  { additionalProperties: false },
);
export type ReportedBalance = Static<typeof ReportedBalance>;

/**
 * Text as I-JSON (RFC 7493) allows it: no NUL and no unpaired surrogate (the pattern reads the same with
 * or without the regex `u` flag).
 */
export const textPattern = '^(?:[^\\u0000\\uD800-\\uDFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*$';
/**
 * An id as a system gives it: an opaque string. The reference implementation uses UUIDs; vendors use
 * their own (`gc_8f3k2…`, card numbers, composite keys). Sent back in paths percent-encoded.
 */
export const Id = Type.String({ minLength: 1, maxLength: 255, pattern: textPattern });
/** An RFC 3339 date-time without a leap second (no system here can hold second 60). */
export const Timestamp = Type.String({
  format: 'date-time',
  pattern: '^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:[0-5]\\d',
});
export const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
export const Text = Type.String({ minLength: 1, maxLength: 200, pattern: textPattern });

/** RFC 9457 problem details, with the stable `code` of the error catalog and optional extensions. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({ enum: errorCodes } as never),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() }))),
    available: Type.Optional(Balance),
    refundable: Type.Optional(Balance),
    remaining: Type.Optional(Type.Integer({ minimum: 0 })),
    state: Type.Optional(Type.String()),
    action: Type.Optional(Type.String()),
    holdStatus: Type.Optional(Type.String()),
    expected: Type.Optional(Type.String({ description: 'the currency the voucher is in' })),
  },
  { additionalProperties: true },
);
export type Problem = Static<typeof Problem>;

export function nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
