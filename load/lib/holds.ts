// Hold client: create, capture and release holds (two-phase redemption).
import { type Answer, call } from './http-call.ts';
import { type Money, receipt } from './receipt.ts';

const spendRefusals = ['insufficient_balance', 'voucher_in_use', 'voucher_redeemed', 'voucher_not_active'];

export function createHold(
  apiKey: string,
  voucher: string,
  amount: Money,
  options: { channel?: 'pos' | 'webshop'; ttlSeconds?: number; client?: string } = {},
): Answer {
  return call({
    op: 'createHold',
    method: 'POST',
    path: `/vouchers/${voucher}/holds`,
    apiKey,
    voucher,
    client: options.client,
    body: {
      amount,
      receipt: receipt(options.channel ?? 'pos'),
      ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    },
    expected: spendRefusals,
  });
}

export function captureHold(
  apiKey: string,
  voucher: string,
  hold: string,
  options: { key?: string; client?: string } = {},
): Answer {
  return call({
    op: 'captureHold',
    method: 'POST',
    path: `/holds/${hold}/capture`,
    apiKey,
    voucher,
    target: hold,
    key: options.key,
    client: options.client,
    body: {},
    expected: [...spendRefusals, 'hold_expired', 'hold_not_open'],
  });
}

export function releaseHold(apiKey: string, voucher: string, hold: string, client?: string): Answer {
  return call({
    op: 'releaseHold',
    method: 'POST',
    path: `/holds/${hold}/release`,
    apiKey,
    voucher,
    target: hold,
    client,
    body: {},
    expected: ['hold_expired', 'hold_not_open'],
  });
}
