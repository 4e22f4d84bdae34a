import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { fetchFinalLedgers } from '../../simulators/fleet/final-ledgers.ts';
import { type FleetResult, runFleet } from '../../simulators/fleet/fleet.ts';
import { prepareVouchers } from '../../simulators/fleet/prepare-vouchers.ts';
import { defaultMix } from '../../simulators/pos/behaviour.ts';
import type { Policy } from '../../spec/capabilities.ts';
import { checkAll } from '../checkers/check-all.ts';
import type { Report } from '../checkers/compose.ts';
import type { Driver } from '../driver/driver.ts';
import type { FinalLedger } from '../history/final-ledger.ts';
import type { History, HistoryMeta, Operation } from '../history/operation.ts';
import { describeStop, Stopped, stopCauseOf, unlessStopped } from '../run/stopped.ts';
import type { RaceOptions } from './race-options.ts';
import { voucherKinds } from './voucher-kinds.ts';

export interface RaceOutcome {
  policy: Policy;
  vouchers: string[];
  history: History;
  ledgers: FinalLedger[];
  report: Report;
  fleet: FleetResult;
  /** What went wrong in the harness after the first operation: the findings so far are still checked. */
  errors: string[];
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
  /** Receives the meta line, then each operation as it completes (a history file on disk). */
  record?: { meta(meta: Omit<HistoryMeta, 'kind'>): void; append(op: Operation): void };
  /**
   * The race's stop (an interrupt, its time limit). The drivers must stop with it (src/run/stoppable-driver.ts:
   * `throw` for the direct one, `hold` for the counters); the race then checks what was recorded so far.
   */
  signal?: AbortSignal;
}

/** The policy to race under: the one asked for, else the first the target claims; it must be claimed. */
function policyOf(claimed: ReadonlySet<string>, asked: Policy | undefined): Policy {
  const policy =
    asked ??
    (['balance-guard', 'amount-holds', 'exclusive-hold', 'redeem-entire'] as const).find((p) =>
      claimed.has(p),
    );
  if (!policy || !claimed.has(policy))
    throw new Error(`the target does not claim the policy ${policy ?? '(any)'}`);
  return policy;
}

/** The search limit of the checkers once the race was stopped: it stops too, and says unknown. */
const stoppedSearchMs = 2000;

const emptyFleet = (): FleetResult => ({
  ops: [],
  plans: {},
  baskets: 0,
  missedArrivals: 0,
  contractViolations: 0,
  elapsedMs: 0,
});

/**
 * One race: prepares vouchers (a failure there means the race could not run, and throws), then runs the
 * fleet, reads the final ledgers and runs every checker. From the first operation on nothing throws:
 * operations go to `record` as they complete, and a harness error is kept in `errors` beside the verdict.
 */
export async function raceOnce(seams: RaceSeams, options: RaceOptions): Promise<RaceOutcome> {
  const claimed = new Set(seams.claimed);
  const policy = policyOf(claimed, options.policy);
  const runId = `${options.seed}-${Date.now().toString(36)}`;
  // Top-ups race too when the target claims them and the mix has them (the vouchers' type then allows them).
  const topUps = claimed.has('top-up') && ((options.mix ?? defaultMix)['top-up'] ?? 0) > 0;
  const kinds = voucherKinds(options.voucherKind ?? 'reusable', options.vouchers);
  if (options.clockMoves && !claimed.has('test-control'))
    throw new Error('clock moves: the target does not claim the capability test-control');
  if (options.sweepers && !claimed.has('sweep-control'))
    throw new Error('sweepers: the target does not claim the capability sweep-control');
  if (kinds.includes('one-time') && !claimed.has('one-time-vouchers'))
    throw new Error('one-time vouchers: the target does not claim the capability one-time-vouchers');
  let vouchers: string[];
  try {
    vouchers = await prepareVouchers(seams.direct, {
      policy,
      kinds,
      funds: options.funds,
      currency: options.currency,
      runId,
      topUps,
    });
  } catch (error) {
    // Stopped before the first operation: nothing was raced, and that is the verdict (not a pass).
    if (!(error instanceof Stopped) && !seams.signal?.aborted) throw error;
    const stopped = describeStop(stopCauseOf(seams.signal as AbortSignal) ?? (error as Stopped).stop);
    const history: History = { meta: { kind: 'meta', seed: options.seed, policy, funds: {} }, ops: [] };
    const report = checkAll({ history, ledgers: new Map() }, { policy, timeLimitMs: stoppedSearchMs });
    return {
      policy,
      vouchers: [],
      history,
      ledgers: [],
      report,
      fleet: emptyFleet(),
      errors: [`${stopped} before the first operation: nothing was raced`],
    };
  }
  // Ledger entries are time-stamped in ms: the set-up's must fall before the run's start.
  await sleep(5);
  const meta: Omit<HistoryMeta, 'kind'> = {
    seed: options.seed,
    ...(seams.target ? { target: seams.target } : {}),
    policy,
    startedAt: new Date().toISOString(),
    funds: Object.fromEntries(vouchers.map((v) => [v, options.funds])),
    ...(kinds.includes('one-time') ? { oneTime: vouchers.filter((_, i) => kinds[i] === 'one-time') } : {}),
    // Without faults every request should be answered: the contract checker reports one that was not.
    faultsInjected: options.faults !== 'none' || options.killRestart,
  };
  seams.record?.meta(meta);
  const errors: string[] = [];
  const ops: Operation[] = [];
  let fleet = emptyFleet();
  const nemesis = seams.during?.();
  const signal = seams.signal ?? new AbortController().signal;
  try {
    const running = runFleet({
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
        topUp: topUps,
      },
      maxOps: options.ops,
      seconds: options.seconds,
      arrival: options.arrival,
      barrier: options.barrier,
      mix: options.mix,
      minAmount: options.minAmount,
      maxAmount: options.maxAmount,
      ...(options.pos ? { pos: options.pos } : {}),
      ...(options.webshop ? { webshop: options.webshop } : {}),
      ...(options.clockMoves
        ? { clockMoves: { seconds: options.clockMoves, everyOps: options.clockMoveEveryOps ?? 25 } }
        : {}),
      ...(options.sweepers ? { sweepers: options.sweepers } : {}),
      runId,
      onOperation: (op) => {
        ops.push(op);
        seams.record?.append(op);
      },
    });
    fleet = await unlessStopped(signal, running);
  } catch (error) {
    if (signal.aborted) {
      // What was in flight completes as info (the counters' drivers hold): let it be recorded first.
      await nextTurn();
      errors.push(`the fleet was stopped: ${(error as Error).message}`);
    } else errors.push(`the fleet stopped: ${(error as Error).message}`);
  } finally {
    await nemesis?.stop().catch((error: unknown) => errors.push(`the nemesis: ${(error as Error).message}`));
  }
  let ledgers: FinalLedger[] = [];
  if (signal.aborted) errors.push(`the final ledgers were not read: ${(signal.reason as Error).message}`);
  else
    try {
      ledgers = await fetchFinalLedgers(seams.direct, vouchers, {
        amount: options.funds,
        currency: options.currency,
      });
    } catch (error) {
      errors.push(`the final ledgers could not be read: ${(error as Error).message}`);
    }
  // Once stopped, the frozen counters add nothing: the history is what was recorded up to now.
  const recorded = [...ops];
  const history: History = { meta: { kind: 'meta', ...meta }, ops: recorded };
  const report = checkAll(
    { history, ledgers: new Map(ledgers.map((l) => [l.voucherId, l])) },
    {
      policy,
      timeLimitMs: signal.aborted ? Math.min(options.timeLimitMs, stoppedSearchMs) : options.timeLimitMs,
    },
  );
  return { policy, vouchers, history, ledgers, report, fleet: { ...fleet, ops: recorded }, errors };
}
