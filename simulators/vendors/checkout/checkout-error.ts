/**
 * The checkout vendor's error catalog: every code it answers with and its HTTP status. Errors go out
 * as { errors: [{ code, message, ...extra }] }.
 */
import type { Answer } from './route.ts';

export const errorStatus = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  GIFT_CARD_NOT_FOUND: 404,
  CART_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  CART_COMPLETED: 409,
  CURRENCY_MISMATCH: 422,
  EMPTY_CART: 422,
  NO_PAYMENT: 422,
  GIFT_CARD_DISABLED: 422,
  GIFT_CARD_EXPIRED: 422,
  INSUFFICIENT_FUNDS: 422,
  REFUND_EXCEEDS_PAYMENT: 422,
  IDEMPOTENCY_KEY_CONFLICT: 422,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class CheckoutError extends Error {
  readonly code: ErrorCode;
  readonly extra: Record<string, string>;
  constructor(code: ErrorCode, message: string, extra: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.extra = extra;
  }

  answer(): Answer {
    return {
      status: errorStatus[this.code],
      body: { errors: [{ code: this.code, message: this.message, ...this.extra }] },
    };
  }
}

export const invalidRequest = (message: string): CheckoutError =>
  new CheckoutError('INVALID_REQUEST', message);
