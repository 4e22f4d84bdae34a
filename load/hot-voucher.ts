// Hot-voucher contention: many virtual POS terminals hold and capture on a few shared vouchers at once.
// Shows that no voucher pays out more than it holds when every terminal races on the same balance:
// refusals (insufficient_balance, voucher_in_use) are expected, overspend never.
import { env } from './lib/env.ts';
import { captureHold, createHold } from './lib/holds.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const HOT_VOUCHERS = 2;
const FUNDS = 40_000;

export const options = buildOptions(
  { hotVoucher: { executor: 'constant-vus', vus: env.vus, duration: env.duration, exec: 'hotVoucher' } },
  { 'http_req_duration{op:createHold}': ['p(95)<1000', 'p(99)<2000', 'med<500'] },
);

export function setup(): SetupData {
  return prepareVouchers(HOT_VOUCHERS, FUNDS);
}

export function hotVoucher(data: SetupData): void {
  const voucher = data.vouchers[Math.floor(Math.random() * data.vouchers.length)] as string;
  const amount = money(300 + 100 * Math.floor(Math.random() * 10), data.currency);
  const hold = createHold(data.keys.pos, voucher, amount);
  if (hold.completion === 'ok') captureHold(data.keys.pos, voucher, hold.body.id);
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
