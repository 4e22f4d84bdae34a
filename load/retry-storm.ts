// Retry storms with repeated idempotency keys: terminals that time out resend the same capture (same
// Idempotency-Key) several times at once and then again. Shows that every copy answers the same
// redemption (idempotency_divergence stays 0) and that money moves once.
import { Counter } from 'k6/metrics';
import { env } from './lib/env.ts';
import { captureHold, createHold } from './lib/holds.ts';
import { type Call, callAll, clientName, newKey } from './lib/http-call.ts';
import { auditLedgers } from './lib/ledger-audit.ts';
import { buildOptions } from './lib/options.ts';
import { money } from './lib/receipt.ts';
import { prepareVouchers, type SetupData } from './lib/setup-data.ts';

export { setupOnly } from './lib/setup-data.ts';
export { handleSummary } from './lib/summary.ts';

const VOUCHERS = 3;
const FUNDS = 30_000;
const COPIES = 4;
const divergence = new Counter('idempotency_divergence');

export const options = buildOptions(
  { storm: { executor: 'constant-vus', vus: env.vus, duration: env.duration, exec: 'storm' } },
  { idempotency_divergence: ['count==0'], 'refusals{code:idempotency_key_reused}': ['count==0'] },
);

export function setup(): SetupData {
  return prepareVouchers(VOUCHERS, FUNDS);
}

export function storm(data: SetupData): void {
  divergence.add(0);
  const voucher = data.vouchers[Math.floor(Math.random() * data.vouchers.length)] as string;
  const hold = createHold(data.keys.pos, voucher, money(400, data.currency));
  if (hold.completion !== 'ok') return;
  const key = newKey();
  // Parallel copies come from distinct clients: each is a connection of its own in the history.
  const copies: Call[] = Array.from({ length: COPIES }, (_, copy) => ({
    op: 'captureHold',
    method: 'POST',
    path: `/holds/${hold.body.id}/capture`,
    apiKey: data.keys.pos,
    voucher,
    target: hold.body.id,
    key,
    body: {},
    client: `${clientName()}-copy${copy}`,
    expected: ['insufficient_balance', 'voucher_in_use', 'hold_not_open', 'hold_expired'],
  }));
  const answers = [...callAll(copies), captureHold(data.keys.pos, voucher, hold.body.id, { key })];
  const ids = new Set(answers.filter((a) => a.completion === 'ok').map((a) => a.body.id as string));
  if (ids.size > 1) divergence.add(ids.size - 1);
}

export function teardown(data: SetupData): void {
  auditLedgers(data);
}
