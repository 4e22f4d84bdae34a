import { constants } from 'node:os';
import { type Command, InvalidArgumentError } from 'commander';
import { claimSignals } from '../../../reference-impl/storage/signal-owner.ts';
import type { Role } from '../../../spec/capabilities.ts';
import { formatLoadSummary } from '../../load/load-summary.ts';
import { K6MissingError, LoadNotRun } from '../../load/load-target.ts';
import { mergeLoad } from '../../load/merge-segments.ts';
import { recordSetup } from '../../load/record-setup.ts';
import { runSegment } from '../../load/run-segment.ts';
import { durationOption } from '../../run/duration.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';
import { describeStop, Stopped } from '../../run/stopped.ts';

interface MachineFlags {
  target?: string;
  apiKey?: Partial<Record<Role, string>>;
  segment?: { index: number; count: number };
  segments: number;
  setup?: string;
  setupOnly?: boolean;
  fromK6?: string;
  adapter?: string;
  out: string;
  duration?: number;
  vus?: number;
  rate?: number;
  iterations?: number;
  quiet: boolean;
  requestTimeout: number;
  timeout?: number;
}

export function segmentOf(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || index > count || count > 64)
    throw new InvalidArgumentError('I/N with 1 <= I <= N <= 64, e.g. 2/3');
  return { index, count };
}

function apiKey(value: string, previous: MachineFlags['apiKey']): MachineFlags['apiKey'] {
  try {
    return collectApiKey(value, previous ?? {});
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Exits once stdout is flushed; never resolves, so that nothing after it runs. */
function exitWith(code: number): Promise<never> {
  process.exitCode = code;
  return new Promise(() => process.stdout.write('', () => process.exit(code)));
}

/** Ctrl-C (or SIGTERM) stops k6 through the signal, once; a second one exits at once. */
async function stoppable<T>(
  work: (signal: AbortSignal) => Promise<T>,
): Promise<{ value?: T; code?: number }> {
  const controller = new AbortController();
  let signalCode = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signalCode);
    signalCode = 128 + constants.signals[signal];
    console.error(`\ninterrupted (${signal}): stopping k6 (again to exit at once)`);
    controller.abort(new Stopped({ kind: 'interrupt', signal }));
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const release = claimSignals();
  for (const signal of signals) process.on(signal, onSignal);
  try {
    const value = await work(controller.signal);
    return controller.signal.aborted ? { value, code: signalCode } : { value };
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    release();
  }
}

function oneLine(prefix: string, error: unknown): string {
  const known = error instanceof K6MissingError || error instanceof LoadNotRun;
  const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
  return `${prefix}: ${known ? '' : 'could not run: '}${message}`;
}

/** One machine of N: `--setup-only`, or `--segment I/N` on the setup file of `--setup`. */
async function runMachine(script: string, flags: MachineFlags): Promise<number> {
  if (flags.segment && flags.setupOnly)
    throw new LoadNotRun('--setup-only and --segment are two steps: one at a time');
  if (flags.segments > 1)
    throw new LoadNotRun('--segments N runs every segment here; --segment I/N runs one: not both');
  if (flags.setup && !flags.segment) throw new LoadNotRun('--setup FILE is for --segment I/N');
  if (flags.fromK6 && !flags.segment) throw new LoadNotRun('--from-k6 FILE is for --segment I/N');
  if (!flags.target) throw new LoadNotRun('give --target URL: every machine must load the same system');
  const env: Record<string, string> = {};
  if (flags.duration) env.DURATION = `${flags.duration}ms`;
  if (flags.vus) env.VUS = String(flags.vus);
  if (flags.rate) env.RATE = String(flags.rate);
  if (flags.iterations) env.ITERATIONS = String(flags.iterations);
  const common = {
    script,
    target: flags.target,
    outDir: flags.out,
    env,
    echo: !flags.quiet,
    ...(flags.apiKey ? { apiKeys: flags.apiKey } : {}),
    ...(flags.adapter ? { adapter: flags.adapter } : {}),
    requestTimeoutMs: flags.requestTimeout,
    timeLimitMs: flags.timeout ?? Math.max(10 * 60_000, (flags.duration ?? 0) + 5 * 60_000),
    onStop: (cause: Parameters<typeof describeStop>[0]) => {
      if (cause.kind === 'time-limit') console.error(`vcert load: ${describeStop(cause)}: stopping k6`);
    },
  };
  if (flags.setupOnly) {
    const { value, code } = await stoppable((signal) => recordSetup({ ...common, signal }));
    if (value) console.log(`vcert load: setup of ${value.vouchers} voucher(s) written to ${value.path}`);
    return code ?? 0;
  }
  const segment = flags.segment as { index: number; count: number };
  const { value, code } = await stoppable((signal) =>
    runSegment({
      ...common,
      segment,
      ...(flags.setup ? { setupFile: flags.setup } : {}),
      ...(flags.fromK6 ? { k6Output: flags.fromK6 } : {}),
      signal,
    }),
  );
  if (!value) return code ?? 1;
  const m = value.manifest;
  console.log(
    [
      `vcert load segment ${segment.index}/${segment.count} of ${m.script} against ${m.target}: ${value.ok ? 'recorded' : 'NOT COMPLETE'}`,
      `  k6 exit code ${m.k6ExitCode}${m.stopped ? `, stopped: ${m.stopped}` : ''}; ${m.operations} operations`,
      `  written to ${value.dir} (segment.json, ${m.files.samples}, ${m.files.summary}, ${m.files.history})`,
      `  when every segment is done: vcert load merge DIR1 DIR2 ... --out DIR`,
    ].join('\n'),
  );
  return code ?? (value.ok ? 0 : 1);
}

/** Whether the flags ask for one machine's part (or the setup pass) rather than a whole run here. */
export function isMachineRun(flags: {
  segment?: unknown;
  setup?: unknown;
  setupOnly?: unknown;
  fromK6?: unknown;
}): boolean {
  return Boolean(flags.segment || flags.setupOnly || flags.setup || flags.fromK6);
}

/** `vcert load SCRIPT --setup-only` or `--segment I/N`: the one line of a problem, exit code 2. */
export async function runMachineCommand(script: string, flags: MachineFlags): Promise<never> {
  let code = 2;
  try {
    code = await runMachine(script, flags);
  } catch (error) {
    console.error(oneLine('vcert load', error));
  }
  return exitWith(code);
}

/** `vcert load merge DIR... --out DIR`: the segments of one run, recorded on N machines, as one run. */
export function registerLoadMerge(load: Command): void {
  load
    .command('merge')
    .description(
      'the segments of one run (vcert load SCRIPT --segment I/N) as one run: thresholds, audit, reports',
    )
    .argument('<segment-dirs...>', 'the --out directory of every segment')
    .requiredOption('--out <dir>', 'where the history, ledgers, audit.html, summary.json and junit.xml go')
    .option('--target <url>', "where to read the final ledgers (default: the segments' target)")
    .option(
      '--api-key <role=key>',
      "a back-office key to read the ledgers with (default: the setup's)",
      apiKey,
    )
    .option(
      '--adapter <file>',
      'the transport-free adapter the segments ran through: the ledgers are read through it',
    )
    .addOption(durationOption('--request-timeout <duration>', 'how long one ledger request may wait', 10_000))
    .addHelpText(
      'after',
      '\nExit codes: 0 thresholds and audit passed; 1 a threshold or the audit failed, or a segment was ' +
        'stopped; 2 could not merge: a directory without segment.json, segments of different scripts, ' +
        'adapters, targets, plans or setups, a segment missing or given twice, --adapter not the one they ran.',
    )
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(
      async (
        dirs: string[],
        flags: {
          out: string;
          target?: string;
          apiKey?: MachineFlags['apiKey'];
          adapter?: string;
          requestTimeout: number;
        },
      ) => {
        let code = 2;
        try {
          const result = await mergeLoad({
            dirs,
            outDir: flags.out,
            ...(flags.target ? { target: flags.target } : {}),
            ...(flags.apiKey ? { apiKeys: flags.apiKey } : {}),
            ...(flags.adapter ? { adapter: flags.adapter } : {}),
            requestTimeoutMs: flags.requestTimeout,
          });
          console.log(formatLoadSummary(result));
          code = result.ok ? 0 : 1;
        } catch (error) {
          console.error(oneLine('vcert load merge', error));
        }
        await exitWith(code);
      },
    );
}
