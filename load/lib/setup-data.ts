// Setup data shared by every k6 process of a run: created once, recorded, and read back by segments.
import exec from 'k6/execution';
import { issueVouchers, type TypeOptions } from './backoffice.ts';
import { env } from './env.ts';
import { arrangeFlow, installedFlow } from './flow.ts';
import { setupMetric } from './metrics.ts';
import { sell } from './sale.ts';
import { createTenant, type Keys } from './test-control.ts';

declare function open(path: string): string;

export interface SetupData {
  keys: Keys;
  vouchers: string[];
  /** Funds of every voucher at the start of the run, minor units. */
  funds: number;
  currency: string;
  policy: string;
  startedAt: string;
}

// open() only works in the init context, so the shared file is read when the module loads.
const shared = env.setupData || (env.setupFile ? open(env.setupFile) : '');

/**
 * `count` activated vouchers of `funds` each, on a new tenant (test control) or on the tenant of the
 * vendor's keys (VCERT_API_KEYS); or the data a setup-only pass recorded.
 */
export function prepareVouchers(count: number, funds: number, options: TypeOptions = {}): SetupData {
  if (shared) return JSON.parse(shared) as SetupData;
  const flow = installedFlow();
  if (flow) return recorded(arrangedVouchers(flow, count, funds, options));
  const keys = (env.apiKeys as Keys | null) ?? createTenant();
  const vouchers = issueVouchers(keys.backoffice, count, funds, options);
  for (const voucher of vouchers) sell(keys.pos, voucher);
  const data: SetupData = {
    keys,
    vouchers,
    funds,
    currency: 'EUR',
    policy: options.policy ?? 'amount-holds',
    startedAt: new Date().toISOString(),
  };
  return recorded(data);
}

/** Records the setup data once (the audit and the segments of a run read it back). */
function recorded(data: SetupData): SetupData {
  exec.vu.metrics.metadata.setup = JSON.stringify(data);
  setupMetric.add(1);
  delete exec.vu.metrics.metadata.setup;
  return data;
}

/**
 * Vouchers through a vendor's adapter: its `voucher` provider state, activated, on the tenant of the keys
 * given (an adapter target has no test control); the policy is the one it claims when the script names none.
 */
// biome-ignore lint/suspicious/noExplicitAny: flows are plain JavaScript.
function arrangedVouchers(flow: any, count: number, funds: number, options: TypeOptions): SetupData {
  const keys = env.apiKeys as Keys | null;
  if (!keys)
    throw new Error('an adapter target needs the vendor keys (VCERT_API_KEYS, vcert load --api-key)');
  const claimed: string[] = flow.capabilities ?? [];
  const policy =
    options.policy ??
    (['amount-holds', 'balance-guard', 'exclusive-hold'].find((p) => claimed.includes(p)) as string);
  const type = {
    key: 'k6-load',
    currency: 'EUR',
    policy,
    reusable: true,
    topUpAllowed: false,
    validityDays: 30,
    ...(options.holdTtlSeconds ? { holdTtlSeconds: options.holdTtlSeconds } : {}),
  };
  const vouchers: string[] = [];
  for (let i = 0; i < count; i++) {
    const made = arrangeFlow('voucher', {
      type,
      state: 'activated',
      amount: { amount: funds, currency: 'EUR' },
    });
    vouchers.push(made.voucherId);
  }
  return { keys, vouchers, funds, currency: 'EUR', policy, startedAt: new Date().toISOString() };
}

/** The scenario function of a setup-only pass: nothing to do, setup() already ran. */
export function setupOnly(): void {}
