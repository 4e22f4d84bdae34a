import { type Completion, refuse, toMinor, unknown } from 'voucher-conformance/adapter';
import type { ShopAnswer } from './shop-client.ts';

/** The shop's error codes in the contract's terms; what is not listed is an answer nobody can read. */
const refusals: Record<string, Parameters<typeof refuse>[0]> = {
  INSUFFICIENT_FUNDS: 'insufficient_balance',
  GIFT_CARD_EXPIRED: 'voucher_expired',
  GIFT_CARD_DISABLED: 'voucher_canceled',
  GIFT_CARD_NOT_FOUND: 'not_found',
  ORDER_NOT_FOUND: 'not_found',
  CART_NOT_FOUND: 'not_found',
  NOT_FOUND: 'not_found',
  CURRENCY_MISMATCH: 'currency_mismatch',
  IDEMPOTENCY_KEY_CONFLICT: 'idempotency_key_reused',
  INVALID_REQUEST: 'validation_failed',
  UNAUTHORIZED: 'unauthorized',
  REFUND_EXCEEDS_PAYMENT: 'refund_exceeds_redemption',
};

/** The first error of a shop answer: `{ errors: [{ code, message, ...extra }] }`. */
export function shopError(answer: ShopAnswer): { code: string; [extra: string]: unknown } | null {
  if (!answer.answered) return null;
  const errors = answer.body.errors;
  const first = Array.isArray(errors) ? (errors[0] as { code?: unknown } | undefined) : undefined;
  return typeof first?.code === 'string' ? (first as { code: string }) : null;
}

/**
 * A shop answer that is not a success, in the contract's terms: a refusal it named, or an unknown
 * outcome (no answer, a 5xx, an error code the contract has no word for). Never invents a refusal.
 */
export function notSuccess(answer: ShopAnswer, currency?: string): Completion {
  if (!answer.answered) return unknown(answer.error);
  const error = shopError(answer);
  const code = error ? refusals[error.code] : undefined;
  if (answer.status >= 500 || !error || !code)
    return unknown(`the shop answered ${answer.status} ${error?.code ?? ''}`.trim());
  if (code === 'refund_exceeds_redemption' && typeof error.refundable === 'string' && currency)
    return refuse(code, {
      refundable: { amount: toMinor(error.refundable), currency },
      detail: String(error.message ?? ''),
    });
  return refuse(code, error.message ? { detail: String(error.message) } : {});
}

/** Whether the shop answered with success. */
export function succeeded(answer: ShopAnswer): answer is Extract<ShopAnswer, { answered: true }> {
  return answer.answered && answer.status >= 200 && answer.status < 300;
}

/** How a shop answer reads in an error message. */
export function describe(answer: ShopAnswer): string {
  return answer.answered ? `${answer.status} ${JSON.stringify(answer.body)}` : `no answer (${answer.error})`;
}
