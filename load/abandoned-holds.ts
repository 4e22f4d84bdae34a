// Abandoned holds that must expire: a customer holds a voucher's whole balance and walks away; after the
// hold's time-to-live the money must be spendable again. Shows that expiry frees held funds
// (expired_hold_blocked stays 0) and that expired holds are never captured.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import { env } from './lib/env.ts';
import { captureHold, createHold } from './lib/holds.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const FUNDS = 5_000;
const TTL_SECONDS = 1;
const SPEND = 100;
const blocked = new Counter('expired_hold_blocked');
const VUS = Math.max(1, Math.min(env.vus, 4));
const spent = new Map<string, number>();

export const options = buildOptions(
  {
    abandon: {
      executor: 'per-vu-iterations',
      vus: VUS,
      iterations: Math.max(1, Math.min(env.iterations, 2)),
      maxDuration: '60s',
      exec: 'abandon',
    },
  },
  { expired_hold_blocked: ['count==0'] },
);

export function setup(): SetupData {
  return prepareVouchers(VUS, FUNDS);
}

export function abandon(data: SetupData): void {
  blocked.add(0);
  // Each VU owns one voucher, so the whole balance is known without a read.
  const voucher = data.vouchers[(exec.vu.idInTest - 1) % data.vouchers.length] as string;
  const balance = FUNDS - (spent.get(voucher) ?? 0);
  const abandoned = createHold(data.keys.pos, voucher, money(balance, data.currency), {
    ttlSeconds: TTL_SECONDS,
  });
  if (abandoned.completion !== 'ok') return;
  sleep(TTL_SECONDS + 1.5);
  const again = createHold(data.keys.pos, voucher, money(SPEND, data.currency), { ttlSeconds: 30 });
  if (again.completion !== 'ok') {
    blocked.add(1, { code: again.code ?? '' });
    return;
  }
  const capture = captureHold(data.keys.pos, voucher, again.body.id);
  if (capture.completion === 'ok') spent.set(voucher, (spent.get(voucher) ?? 0) + SPEND);
  const late = captureHold(data.keys.pos, voucher, abandoned.body.id);
  if (late.completion === 'ok') blocked.add(1, { code: 'expired_hold_captured' });
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
