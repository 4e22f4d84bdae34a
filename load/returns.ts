// Goods returned: a till pays in one step, then the customer brings half of the goods back and half of
// the payment is refunded to the voucher. Shows refund latency and that a voucher's ledger explains
// every payment and refund; a refund the system fails (a 5xx) counts in refusals{code:internal_error}.
import { env } from './lib/env.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { redeem } from './lib/redemptions.ts';
import { refund } from './lib/refunds.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const VOUCHERS = 4;
const FUNDS = 200_000;

export const options = buildOptions(
  { returns: { executor: 'constant-vus', vus: env.vus, duration: env.duration, exec: 'returns' } },
  { 'http_req_duration{op:refundRedemption}': ['p(95)<1000', 'p(99)<2000'] },
);

export function setup(): SetupData {
  return prepareVouchers(VOUCHERS, FUNDS);
}

export function returns(data: SetupData): void {
  const voucher = data.vouchers[Math.floor(Math.random() * data.vouchers.length)] as string;
  const amount = 200 + 100 * Math.floor(Math.random() * 9);
  const paid = redeem(data.keys.pos, voucher, money(amount, data.currency));
  if (paid.completion === 'ok')
    refund(data.keys.pos, voucher, paid.body.id, money(amount / 2, data.currency));
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
