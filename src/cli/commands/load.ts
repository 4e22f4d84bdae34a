import { type Command, InvalidArgumentError } from 'commander';
import type { Role } from '../../../spec/capabilities.ts';
import { formatLoadSummary } from '../../load/load-summary.ts';
import { K6MissingError, LoadNotRun, runLoad } from '../../load/run-load.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';

function apiKey(value: string, previous: LoadFlags['apiKey']): LoadFlags['apiKey'] {
  try {
    return collectApiKey(value, previous ?? {});
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

interface LoadFlags {
  target?: string;
  apiKey?: Partial<Record<Role, string>>;
  segments: string;
  out: string;
  duration?: string;
  vus?: string;
  rate?: string;
  iterations?: string;
  quiet: boolean;
}

/** `vcert load SCRIPT`: runs a k6 script, then the double-spend audit; fails if either fails. */
export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('run a k6 load script (load/*.ts), then audit the run for overspent vouchers')
    .argument('<script>', 'k6 script, e.g. load/hot-voucher.ts')
    .option('--target <url>', 'system under test (loopback); default: start the reference implementation')
    .option(
      '--api-key <role=key>',
      'key for a role (pos, webshop, backoffice) of a target without test control; repeatable',
      apiKey,
    )
    .option('--segments <n>', 'split the run across n k6 processes (execution segments)', '1')
    .option('--out <dir>', 'where k6 outputs, history, ledgers and report.html go', 'reports/load')
    .option('--duration <d>', 'DURATION for the script, e.g. 30s')
    .option('--vus <n>', 'VUS for the script')
    .option('--rate <n>', 'RATE (arrivals per second) for the script')
    .option('--iterations <n>', 'ITERATIONS for the script')
    .option('--quiet', "do not echo k6's own output", false)
    .action(async (script: string, flags: LoadFlags) => {
      const env: Record<string, string> = {};
      if (flags.duration) env.DURATION = flags.duration;
      if (flags.vus) env.VUS = flags.vus;
      if (flags.rate) env.RATE = flags.rate;
      if (flags.iterations) env.ITERATIONS = flags.iterations;
      try {
        const result = await runLoad({
          script,
          target: flags.target,
          segments: Number(flags.segments),
          outDir: flags.out,
          env,
          echo: !flags.quiet,
          ...(flags.apiKey ? { apiKeys: flags.apiKey } : {}),
        });
        console.log(formatLoadSummary(result));
        process.exitCode = result.ok ? 0 : 1;
      } catch (error) {
        if (!(error instanceof K6MissingError) && !(error instanceof LoadNotRun)) throw error;
        console.error(`vcert load: ${error.message}`);
        process.exitCode = 2;
      }
    });
}
