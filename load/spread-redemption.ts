// Spread redemption at a fixed arrival rate: one-step redemptions arrive at RATE per second, spread over
// many vouchers, whatever the latency. Shows latency percentiles of the steady state and that the
// system keeps up (few dropped iterations) without contention.
import { env } from './lib/env.ts';
import { fundsFor, seconds } from './lib/funds.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { redeem } from './lib/redemptions.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const VOUCHERS = 50;
/** Never exhausted: refusals for lack of funds would make the latency that of the refusal path. */
const FUNDS = fundsFor(VOUCHERS, env.rate * seconds(env.duration), 500);

export const options = buildOptions(
  {
    spread: {
      executor: 'constant-arrival-rate',
      rate: env.rate,
      timeUnit: '1s',
      duration: env.duration,
      preAllocatedVUs: Math.max(2, Math.ceil(env.rate / 10)),
      maxVUs: Math.max(10, env.rate),
      exec: 'spread',
    },
  },
  {
    'http_req_duration{op:redeem}': ['p(95)<500', 'p(99)<1000'],
    'refusals{code:insufficient_balance}': ['count==0'],
  },
);

export function setup(): SetupData {
  return prepareVouchers(VOUCHERS, FUNDS);
}

export function spread(data: SetupData): void {
  const voucher = data.vouchers[Math.floor(Math.random() * data.vouchers.length)] as string;
  redeem(data.keys.pos, voucher, money(100 + Math.floor(Math.random() * 400), data.currency));
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
