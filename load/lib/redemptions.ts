// One-step redemption client (POST /vouchers/{id}/redemptions).
import { type Answer, call } from './http-call.ts';
import { type Money, receipt } from './receipt.ts';

export function redeem(
  apiKey: string,
  voucher: string,
  amount: Money,
  options: { channel?: 'pos' | 'webshop'; key?: string; client?: string } = {},
): Answer {
  return call({
    op: 'redeem',
    method: 'POST',
    path: `/vouchers/${voucher}/redemptions`,
    apiKey,
    voucher,
    key: options.key,
    client: options.client,
    body: { amount, receipt: receipt(options.channel ?? 'pos') },
    expected: ['insufficient_balance', 'voucher_in_use', 'voucher_redeemed', 'voucher_not_active'],
  });
}
