// Refund client (POST /redemptions/{id}/refunds): credit back part or all of a redemption.
import { type Answer, call } from './http-call.ts';
import { type Money, receipt } from './receipt.ts';

/** Refunds `amount` of a redemption (all that is left when no amount is given). */
export function refund(
  apiKey: string,
  voucher: string,
  redemption: string,
  amount?: Money,
  options: { channel?: 'pos' | 'webshop'; key?: string; client?: string } = {},
): Answer {
  return call({
    op: 'refundRedemption',
    method: 'POST',
    path: `/redemptions/${redemption}/refunds`,
    apiKey,
    voucher,
    target: redemption,
    key: options.key,
    client: options.client,
    body: { ...(amount ? { amount } : {}), receipt: receipt(options.channel ?? 'pos') },
    expected: ['refund_exceeds_redemption'],
  });
}
