import { setTimeout as sleep } from 'node:timers/promises';
import { fetchFinalLedgers } from '../../simulators/fleet/final-ledgers.ts';
import { type FleetResult, runFleet } from '../../simulators/fleet/fleet.ts';
import { prepareVouchers } from '../../simulators/fleet/prepare-vouchers.ts';
import type { Policy } from '../../spec/capabilities.ts';
import { checkAll } from '../checkers/check-all.ts';
import type { Report } from '../checkers/compose.ts';
import type { Driver } from '../driver/driver.ts';
import type { FinalLedger } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';
import type { RaceOptions } from './race-options.ts';

export interface RaceOutcome {
  policy: Policy;
  vouchers: string[];
  history: History;
  ledgers: FinalLedger[];
  report: Report;
  fleet: FleetResult;
}

export interface RaceSeams {
  /** Set-up and the final ledgers: reaches the target directly. */
  direct: Driver;
  /** What the counters use, spread over them (proxies, instances). */
  counters: readonly Driver[];
  claimed: readonly string[];
  /** Called when the fleet starts and when it is done (the process nemesis). */
  during?: () => { stop(): Promise<unknown> };
  target?: string;
}

/** Prepares vouchers, runs the fleet, reads the final ledgers and runs every checker: one race. */
export async function raceOnce(seams: RaceSeams, options: RaceOptions): Promise<RaceOutcome> {
  const claimed = new Set(seams.claimed);
  const policy =
    options.policy ??
    (['balance-guard', 'amount-holds', 'exclusive-hold', 'redeem-entire'] as const).find((p) =>
      claimed.has(p),
    );
  if (!policy || !claimed.has(policy))
    throw new Error(`the target does not claim the policy ${policy ?? '(any)'}`);
  const runId = `${options.seed}-${Date.now().toString(36)}`;
  const vouchers = await prepareVouchers(seams.direct, {
    policy,
    count: options.vouchers,
    funds: options.funds,
    currency: options.currency,
    runId,
  });
  // Ledger entries are time-stamped in ms: the set-up's must fall before the run's start.
  await sleep(5);
  const startedAt = new Date().toISOString();
  const nemesis = seams.during?.();
  let fleet: FleetResult;
  try {
    fleet = await runFleet({
      drivers: seams.counters,
      vouchers,
      currency: options.currency,
      terminals: options.terminals,
      webshops: options.webshops,
      seed: options.seed,
      abilities: {
        holds: claimed.has('holds'),
        redeem: claimed.has('one-step-redeem'),
        refund: claimed.has('redemption-refund'),
      },
      maxOps: options.ops,
      seconds: options.seconds,
      arrival: options.arrival,
      barrier: options.barrier,
      mix: options.mix,
      minAmount: options.minAmount,
      maxAmount: options.maxAmount,
      runId,
    });
  } finally {
    await nemesis?.stop();
  }
  const ledgers = await fetchFinalLedgers(seams.direct, vouchers, {
    amount: options.funds,
    currency: options.currency,
  });
  const history: History = {
    meta: {
      kind: 'meta',
      seed: options.seed,
      ...(seams.target ? { target: seams.target } : {}),
      policy,
      startedAt,
      funds: Object.fromEntries(vouchers.map((v) => [v, options.funds])),
    },
    ops: fleet.ops,
  };
  const report = checkAll(
    { history, ledgers: new Map(ledgers.map((l) => [l.voucherId, l])) },
    { policy, timeLimitMs: options.timeLimitMs },
  );
  return { policy, vouchers, history, ledgers, report, fleet };
}
