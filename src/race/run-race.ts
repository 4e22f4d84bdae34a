import { killAndRestart } from '../../simulators/faults/kill-restart.ts';
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

/**
 * `vcert race` as a function: starts the targets (or uses the given one), puts fault proxies and the
 * process nemesis in place, runs one race and writes its files. Throws RaceNotRun only before the first
 * operation; from then on the history is on disk as it grows and every finding ends in the result.
 */
export async function runRace(given: Partial<RaceOptions>): Promise<RaceResult> {
  const options: RaceOptions = { ...raceDefaults, ...given };
  checkOptions(options);
  const log = options.log ?? (() => {});
  const started = performance.now();
  const targets = await startRaceTargets(options).catch((error: unknown) => {
    throw new RaceNotRun(`cannot start the target: ${(error as Error).message}`);
  });
  log(`targets: ${targets.urls.join(', ')}${targets.bundled ? ' (bundled reference implementation)' : ''}`);
  let drivers: RaceDrivers | undefined;
  let output: RaceOutput | undefined;
  try {
    const faulty = options.faults !== 'none';
    drivers = await openRaceDrivers({
      urls: targets.urls,
      adapter: options.adapter,
      apiKeys: options.apiKeys,
      faults: options.faults,
      seed: options.seed,
      timeoutMs: options.timeoutMs ?? (faulty || options.killRestart ? 1000 : 10_000),
    }).catch((error: unknown) => {
      throw new RaceNotRun((error as Error).message);
    });
    const claimed = await drivers.direct.capabilities().catch((error: unknown) => {
      throw new RaceNotRun(`cannot read what the target claims: ${(error as Error).message}`);
    });
    const nemesis = nemesisFor(options, targets);
    output = options.out ? openRaceOutput(options.out) : undefined;
    const outcome = await raceOnce(
      {
        direct: drivers.direct,
        counters: drivers.counters,
        claimed,
        during: nemesis.during,
        target: options.target ?? 'bundled reference implementation',
        record: output?.history,
      },
      options,
    ).catch((error: unknown) => {
      throw new RaceNotRun(`the race could not start: ${(error as Error).message}`);
    });
    const kills = await nemesis.kills();
    log(`${outcome.history.ops.length} operations in ${outcome.fleet.baskets} baskets, ${kills} kill(s)`);
    const faultCounts = drivers.proxies.map((p) => ({ ...p.counts }));
    const extra = {
      options: { ...options, log: undefined, apiKeys: undefined },
      faultCounts,
      kills,
      errors: outcome.errors,
    };
    await output?.finish(outcome.history, outcome.ledgers, outcome.report, extra);
    return { ...outcome, faultCounts, kills, files: output?.files, elapsedMs: performance.now() - started };
  } finally {
    output?.history.close();
    await drivers?.close();
    await targets.close();
  }
}
