// Hot-voucher one-step redemption: many virtual POS terminals pay with the same few vouchers at once,
// each payment one request (or, through a vendor's adapter, the flow that pays: a cart completed with
// the card). Refusals for lack of funds are expected (the vouchers run dry on purpose); overspend never.
// Runs against the canonical contract and, with `vcert load --adapter`, against systems of other shapes.
import { env } from './lib/env.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { redeem } from './lib/redemptions.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const HOT_VOUCHERS = 2;
const FUNDS = 30_000;

export const options = buildOptions(
  { hotRedeem: { executor: 'constant-vus', vus: env.vus, duration: env.duration, exec: 'hotRedeem' } },
  { 'http_req_duration{op:redeem}': ['p(95)<1000', 'p(99)<2000'] },
);

export function setup(): SetupData {
  return prepareVouchers(HOT_VOUCHERS, FUNDS, { policy: 'balance-guard' });
}

export function hotRedeem(data: SetupData): void {
  const voucher = data.vouchers[Math.floor(Math.random() * data.vouchers.length)] as string;
  redeem(data.keys.pos, voucher, money(500 + 100 * Math.floor(Math.random() * 6), data.currency));
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
