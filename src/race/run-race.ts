import { killAndRestart } from '../../simulators/faults/kill-restart.ts';
import { checkAll } from '../checkers/check-all.ts';
import { stoppableDriver } from '../run/stoppable-driver.ts';
import { commandStop, describeStop, type StopCause } from '../run/stopped.ts';
import { watchTargetConnections } from '../run/target-connections.ts';
import { openRaceDrivers, type RaceDrivers } from './race-drivers.ts';
import { openRaceOutput, type RaceFiles, type RaceOutput } from './race-files.ts';
import { type RaceOutcome, raceOnce } from './race-once.ts';
import { type RaceOptions, raceDefaults } from './race-options.ts';
import { startRaceTargets } from './race-targets.ts';

export interface RaceResult extends RaceOutcome {
  faultCounts: Record<string, number>[];
  kills: number;
  files?: RaceFiles;
  elapsedMs: number;
  /** Why the race stopped before its end (an interrupt, its time limit), when it did. */
  stopped?: StopCause;
}

/** The race could not take place (bad options, target unreachable, no credentials): nothing was raced. */
export class RaceNotRun extends Error {
  override name = 'RaceNotRun';
}

function checkOptions(options: RaceOptions): void {
  const { minAmount, maxAmount } = options;
  if (minAmount !== undefined && maxAmount !== undefined && minAmount > maxAmount)
    throw new RaceNotRun(`--min-amount ${minAmount} is above --max-amount ${maxAmount}`);
  if ((minAmount ?? 100) > options.funds)
    throw new RaceNotRun(
      `the smallest basket (${minAmount ?? 100}) is above the funds of a voucher (${options.funds})`,
    );
}

function nemesisFor(options: RaceOptions, targets: Awaited<ReturnType<typeof startRaceTargets>>) {
  const victim = targets.processes[0];
  if (!options.killRestart || !victim) return { during: undefined, kills: async () => 0 };
  let stop: (() => Promise<number>) | undefined;
  return {
    during: () => {
      const nemesis = killAndRestart(victim, {
        firstMs: Math.min(500, options.seconds * 250),
        everyMs: Math.max(500, options.seconds * 300),
        downMs: 200,
        times: 3,
      });
      stop = () => nemesis.stop();
      return { stop: () => nemesis.stop() };
    },
    kills: async () => (stop ? await stop() : 0),
  };
}

/** A race stopped (interrupt, time limit) before its set-up was done: nothing raced, not a pass. */
function stoppedBeforeStart(cause: StopCause, started: number): RaceResult {
  const history = { meta: { kind: 'meta' as const, funds: {} }, ops: [] };
  const why = `${describeStop(cause)} before the first operation: nothing was raced`;
  return {
    policy: 'balance-guard',
    vouchers: [],
    history,
    ledgers: [],
    report: checkAll({ history, ledgers: new Map() }, { timeLimitMs: 1000 }),
    fleet: { ops: [], plans: {}, baskets: 0, missedArrivals: 0, contractViolations: 0, elapsedMs: 0 },
    errors: [why],
    faultCounts: [],
    kills: 0,
    elapsedMs: performance.now() - started,
    stopped: cause,
  };
}

/**
 * `vcert race` as a function: starts the targets (or uses the given one), puts fault proxies and the
 * process nemesis in place, runs one race and writes its files. Throws RaceNotRun only before the first
 * operation; from then on the history is on disk as it grows and every finding ends in the result. Its
 * time limit (and an interrupt) stops it: nothing more is sent, requests waiting for an answer stop
 * waiting (recorded as info), and what was recorded is checked and written.
 */
export async function runRace(given: Partial<RaceOptions>): Promise<RaceResult> {
  const options: RaceOptions = { ...raceDefaults, ...given };
  checkOptions(options);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const stop = commandStop({ signal: options.signal, timeLimitMs: options.overallTimeoutMs });
  const targets = await startRaceTargets(options).catch((error: unknown) => {
    stop.dispose();
    throw new RaceNotRun(`cannot start the target: ${(error as Error).message}`);
  });
  log(`targets: ${targets.urls.join(', ')}${targets.bundled ? ' (bundled reference implementation)' : ''}`);
  // Once stopped, a request waiting on the target (or a fault proxy) ends now, not at its timeout.
  const connections = watchTargetConnections(targets.urls);
  const cut = () => {
    log(`${(stop.signal.reason as Error).message}: stopping the race, then checking what was recorded`);
    connections.cut(stop.signal.reason as Error);
  };
  stop.signal.addEventListener('abort', cut, { once: true });
  let drivers: RaceDrivers | undefined;
  let output: RaceOutput | undefined;
  let proxyConnections: ReturnType<typeof watchTargetConnections> | undefined;
  const notRun = (why: string) => (error: unknown) => {
    throw stop.signal.aborted ? stop.signal.reason : new RaceNotRun(`${why}${(error as Error).message}`);
  };
  try {
    const faulty = options.faults !== 'none';
    drivers = await openRaceDrivers({
      urls: targets.urls,
      adapter: options.adapter,
      apiKeys: options.apiKeys,
      faults: options.faults,
      seed: options.seed,
      timeoutMs: options.timeoutMs ?? (faulty || options.killRestart ? 1000 : 10_000),
      directTimeoutMs: options.timeoutMs,
    }).catch(notRun(''));
    const proxies = drivers.proxies.map((p) => p.url);
    proxyConnections = proxies.length ? watchTargetConnections(proxies) : undefined;
    stop.signal.addEventListener('abort', () => proxyConnections?.cut(stop.signal.reason as Error), {
      once: true,
    });
    const claimed = await drivers.direct.capabilities().catch(notRun('cannot read what the target claims: '));
    const keys = Object.values(options.apiKeys ?? {}).some((k) => k);
    if (keys && !options.adapter && claimed.includes('test-control'))
      (options.warn ?? log)(
        '--api-key is not used: the target has test control, so the race runs on a tenant of its own',
      );
    const nemesis = nemesisFor(options, targets);
    output = options.out ? openRaceOutput(options.out) : undefined;
    const outcome = await raceOnce(
      {
        direct: stoppableDriver(drivers.direct, stop.signal, 'throw'),
        counters: drivers.counters.map((driver) => stoppableDriver(driver, stop.signal, 'hold')),
        claimed,
        during: nemesis.during,
        target: options.target ?? 'bundled reference implementation',
        record: output?.history,
        signal: stop.signal,
      },
      options,
    ).catch(notRun('the race could not start: '));
    const kills = await nemesis.kills();
    log(`${outcome.history.ops.length} operations in ${outcome.fleet.baskets} baskets, ${kills} kill(s)`);
    const faultCounts = drivers.proxies.map((p) => ({ ...p.counts }));
    const extra = {
      options: { ...options, log: undefined, warn: undefined, signal: undefined, apiKeys: undefined },
      faultCounts,
      kills,
      errors: outcome.errors,
    };
    await output?.finish(outcome.history, outcome.ledgers, outcome.report, extra);
    const cause = stop.cause();
    return {
      ...outcome,
      faultCounts,
      kills,
      files: output?.files,
      elapsedMs: performance.now() - started,
      ...(cause ? { stopped: cause } : {}),
    };
  } catch (error) {
    const cause = stop.cause();
    if (cause && !(error instanceof RaceNotRun)) return stoppedBeforeStart(cause, started);
    throw error;
  } finally {
    stop.signal.removeEventListener('abort', cut);
    stop.dispose();
    output?.history.close();
    await drivers?.close();
    connections.close();
    proxyConnections?.close();
    await targets.close();
  }
}
