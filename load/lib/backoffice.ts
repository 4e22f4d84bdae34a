// Back-office client: voucher types, templates and issuing batches of vouchers.
import { call } from './http-call.ts';
import { money } from './receipt.ts';

export interface TypeOptions {
  policy?: 'exclusive-hold' | 'amount-holds' | 'balance-guard';
  holdTtlSeconds?: number;
}

function created(answer: { status: number; body: unknown }, what: string) {
  if (answer.status !== 201)
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  // biome-ignore lint/suspicious/noExplicitAny: read loosely.
  return answer.body as any;
}

/** Creates a type and a template, issues `count` vouchers of `amount` minor units; returns their ids. */
export function issueVouchers(
  apiKey: string,
  count: number,
  amount: number,
  options: TypeOptions = {},
): string[] {
  const code = `K6${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const type = created(
    call({
      op: 'createVoucherType',
      method: 'POST',
      path: '/voucher-types',
      apiKey,
      body: {
        code,
        name: 'Load test gift card',
        currency: 'EUR',
        productCode: 'GIFT',
        validityDays: 365,
        reusable: true,
        topUpAllowed: false,
        policy: options.policy ?? 'amount-holds',
        ...(options.holdTtlSeconds ? { holdTtlSeconds: options.holdTtlSeconds } : {}),
      },
    }),
    'createVoucherType',
  );
  const template = created(
    call({
      op: 'createTemplate',
      method: 'POST',
      path: '/templates',
      apiKey,
      body: { voucherTypeId: type.id, code: `TPL${code}`, numberPrefix: 'LT', capacity: count },
    }),
    'createTemplate',
  );
  const batch = created(
    call({
      op: 'issueVouchers',
      method: 'POST',
      path: `/templates/${template.id}/issue`,
      apiKey,
      body: { count, denomination: money(amount) },
    }),
    'issueVouchers',
  );
  return (batch.vouchers as Array<{ id: string }>).map((voucher) => voucher.id);
}
