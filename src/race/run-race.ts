import { killAndRestart } from '../../simulators/faults/kill-restart.ts';
import { openRaceDrivers } from './race-drivers.ts';
import { type RaceOutcome, raceOnce } from './race-once.ts';
import { type RaceOptions, raceDefaults } from './race-options.ts';
import { startRaceTargets } from './race-targets.ts';
import { type RaceFiles, writeRaceFiles } from './write-race-files.ts';

export interface RaceResult extends RaceOutcome {
  faultCounts: Record<string, number>[];
  kills: number;
  files?: RaceFiles;
  elapsedMs: number;
}

/**
 * `vcert race` as a function: starts the targets (or uses the given one), puts fault proxies and the
 * process nemesis in place, runs one race, writes its files and returns the checkers' report.
 */
export async function runRace(given: Partial<RaceOptions>): Promise<RaceResult> {
  const options: RaceOptions = { ...raceDefaults, ...given };
  const log = options.log ?? (() => {});
  const started = performance.now();
  const targets = await startRaceTargets(options);
  log(`targets: ${targets.urls.join(', ')}${targets.bundled ? ' (bundled reference implementation)' : ''}`);
  try {
    const faulty = options.faults !== 'none';
    const drivers = await openRaceDrivers({
      urls: targets.urls,
      adapter: options.adapter,
      faults: options.faults,
      seed: options.seed,
      timeoutMs: options.timeoutMs ?? (faulty || options.killRestart ? 1000 : 10_000),
    });
    let kills = 0;
    try {
      const victim = targets.processes[0];
      const during =
        options.killRestart && victim
          ? () => {
              const nemesis = killAndRestart(victim, {
                firstMs: Math.min(500, options.seconds * 250),
                everyMs: Math.max(500, options.seconds * 300),
                downMs: 200,
                times: 3,
              });
              return { stop: async () => (kills = await nemesis.stop()) };
            }
          : undefined;
      const outcome = await raceOnce(
        {
          direct: drivers.direct,
          counters: drivers.counters,
          claimed: await drivers.direct.capabilities(),
          during,
          target: options.target ?? 'bundled reference implementation',
        },
        options,
      );
      log(`${outcome.history.ops.length} operations in ${outcome.fleet.baskets} baskets, ${kills} kill(s)`);
      const faultCounts = drivers.proxies.map((p) => ({ ...p.counts }));
      const extra = { options: { ...options, log: undefined }, faultCounts, kills, plans: undefined };
      const files = options.out
        ? await writeRaceFiles(options.out, outcome.history, outcome.ledgers, outcome.report, extra)
        : undefined;
      return { ...outcome, faultCounts, kills, files, elapsedMs: performance.now() - started };
    } finally {
      await drivers.close();
    }
  } finally {
    await targets.close();
  }
}
