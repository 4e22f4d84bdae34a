// A POS and web shop mix: store tills hold-and-capture while the web shop redeems in one step, both on
// the same vouchers (a customer's card used in store and online at once). Shows each channel's latency
// and that the two channels together still never overspend.
import { env } from './lib/env.ts';
import { fundsFor, seconds, vuIterations } from './lib/funds.ts';
import { captureHold, createHold } from './lib/holds.ts';
import { clientName } from './lib/http-call.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { redeem } from './lib/redemptions.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const VOUCHERS = 5;
const POS_VUS = Math.max(1, Math.ceil(env.vus / 2));
/** Never exhausted (latency of payments, not of refusals): the tills' and the web shop's most, sized. */
const FUNDS = fundsFor(VOUCHERS, vuIterations(POS_VUS) + env.rate * seconds(env.duration), 500);

export const options = buildOptions(
  {
    pos: {
      executor: 'constant-vus',
      vus: POS_VUS,
      duration: env.duration,
      exec: 'pos',
    },
    webshop: {
      executor: 'constant-arrival-rate',
      rate: env.rate,
      timeUnit: '1s',
      duration: env.duration,
      preAllocatedVUs: 2,
      maxVUs: 10,
      exec: 'webshop',
    },
  },
  {
    'http_req_duration{scenario:pos}': ['p(95)<1000'],
    'http_req_duration{scenario:webshop}': ['p(95)<1000'],
  },
);

export function setup(): SetupData {
  return prepareVouchers(VOUCHERS, FUNDS);
}

function pick(data: SetupData): string {
  return data.vouchers[Math.floor(Math.random() * data.vouchers.length)] as string;
}

export function pos(data: SetupData): void {
  const voucher = pick(data);
  const hold = createHold(data.keys.pos, voucher, money(500, data.currency));
  if (hold.completion === 'ok') captureHold(data.keys.pos, voucher, hold.body.id);
}

export function webshop(data: SetupData): void {
  const client = clientName('webshop');
  redeem(data.keys.webshop, pick(data), money(250, data.currency), { channel: 'webshop', client });
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
