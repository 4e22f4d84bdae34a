import { constants } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { claimSignals } from '../../../reference-impl/storage/signal-owner.ts';
import { parseEnv } from '../../containers/parse-env.ts';
import { formatDryRun } from '../../report/dry-run-summary.ts';
import { formatHumanSummary } from '../../report/human-summary.ts';
import { exitCodes } from '../../report/verdict.ts';
import { durationOption } from '../../run/duration.ts';
import type { ImageRun } from '../../run/image-run.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';
import { runConformance } from '../../run/run-conformance.ts';
import { describeStop, Stopped } from '../../run/stopped.ts';

interface RunFlags {
  target?: string;
  apiKey?: string[];
  adapter?: string;
  capabilities?: string;
  tags?: string;
  name?: string[];
  dryRun?: boolean;
  format?: string[];
  parallel?: number | 'auto';
  requestTimeout: number;
  timeout: number;
  shard?: string;
  waivers?: string;
  reports: string;
  failFast?: boolean;
  progress?: string;
  image?: string;
  port?: string;
  env?: string[];
  health?: string;
  database?: boolean;
  startupTimeout?: string;
}

/** Collects repeated --api-key values; they are checked in the action, so a bad one exits with code 2. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The default overall time limit and per-request timeout (docs/waivers.md says why). */
export const runTimeLimitMs = 20 * 60_000;
export const runRequestTimeoutMs = 10_000;

function workers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError('an integer from 0 to 64, or auto');
  return n;
}

/** Exits once stdout is flushed: nothing left behind (a request to a silent target) keeps the process. */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

/** The --image options, after checking that a container engine answers (else one line, exit code 2). */
async function imageRun(name: string, flags: RunFlags): Promise<ImageRun> {
  const { containerEngineProblem } = await import('../../containers/engine-problem.ts');
  const port = Number(flags.port);
  const timeout = Number(flags.startupTimeout);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port ${flags.port}: not a port`);
  if (!(timeout > 0)) throw new Error(`--startup-timeout ${flags.startupTimeout}: expected seconds > 0`);
  const env = parseEnv(flags.env ?? []);
  const problem = await containerEngineProblem();
  if (problem) throw new Error(problem);
  return {
    image: name,
    port,
    env,
    health: flags.health,
    database: flags.database,
    startupTimeoutMs: timeout * 1000,
  };
}

/** `vcert run`: certifies an implementation (the bundled reference one by default) against the suite. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run the conformance suite against --target (default: the bundled reference implementation on an embedded PostgreSQL)',
    )
    .option('--target <url>', 'base URL of the implementation to certify')
    .option('--api-key <role=key>', 'key for a role (pos, webshop, backoffice); repeatable', collect)
    .option('--adapter <file>', 'vendor adapter module for an API of another shape')
    .option('--capabilities <file>', 'capability manifest (JSON) instead of GET /capabilities')
    .option('--tags <expression>', 'cucumber tag expression, e.g. "@req:RD-03 and not @capability:tenders"')
    .option(
      '--name <regexp>',
      'only scenarios whose name matches this regular expression (as cucumber-js); repeatable',
      collect,
    )
    .option(
      '--dry-run',
      'plan the selected scenarios and match every step to its definition without running any; certifies nothing',
    )
    .option(
      '--format <name[:file]>',
      'a further cucumber-js formatter, e.g. json:reports/cucumber.json (without a file it replaces the progress display); repeatable',
      collect,
    )
    .option(
      '--parallel <n>',
      'cucumber worker count, or auto: from the round trip of the capability read, 0 under 10 ms, then one per 6 ms, at most 8 (default: auto for a --target off this machine, else 0)',
      workers,
    )
    .option('--shard <i/n>', 'run only shard I of N (1-based, as cucumber-js)')
    .option('--waivers <file>', 'expected failures with reasons (docs/waivers.md)')
    .option('--reports <dir>', 'report directory', 'reports')
    .option('--fail-fast', 'stop at the first failing scenario')
    .addOption(
      durationOption(
        '--request-timeout <duration>',
        'how long one request may wait for its answer (past it the outcome is unknown), e.g. 5s',
        runRequestTimeoutMs,
      ),
    )
    .addOption(
      durationOption(
        '--timeout <duration>',
        'overall time limit, e.g. 45m or 2h: past it the run stops, what it did not decide is "not run", exit 1',
        runTimeLimitMs,
      ),
    )
    .addOption(
      new Option(
        '--progress <formatter>',
        'progress on stderr (default: progress-bar on a terminal)',
      ).choices(['progress', 'progress-bar', 'summary', 'pretty', 'none']),
    )
    .option(
      '--image <image>',
      'certify this container image, started with testcontainers (docs/containers.md)',
    )
    .option('--port <n>', 'with --image: the port the service listens on inside the container', '8080')
    .option('--env <key=value>', 'with --image: environment of the container; repeatable', collect)
    .option('--health <path>', 'with --image: path answering 2xx once the service is ready', '/health')
    .option('--database', 'with --image: start PostgreSQL on the host and pass DATABASE_URL (Podman)')
    .option(
      '--startup-timeout <seconds>',
      'with --image: how long the container may take to be healthy',
      '60',
    )
    .addHelpText(
      'after',
      `\nExit codes: ${exitCodes.pass} pass; ${exitCodes.fail} failed, undecided, not run, rotted waiver, nothing verified ` +
        `or the time limit reached; ${exitCodes.error} could not run (target unreachable, bad options); ` +
        '130 interrupted (143 on SIGTERM).',
    )
    // Bad flags are "could not run" (2): one line from commander, no stack trace.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : exitCodes.error))
    .action(async (flags: RunFlags) => {
      // A signal stops the target, lets the scenarios in flight end and writes the summary (the
      // embedded PostgreSQL's own handlers step aside meanwhile); a second one exits at once.
      const controller = new AbortController();
      let signalCode = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(signalCode);
        signalCode = 128 + constants.signals[signal];
        process.stderr.write(`\ninterrupted (${signal}): stopping the run (again to exit at once)\n`);
        controller.abort(new Stopped({ kind: 'interrupt', signal }));
      };
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const releaseSignals = claimSignals();
      for (const signal of signals) process.on(signal, onSignal);
      const progressFormat = flags.progress ?? (process.stderr.isTTY ? 'progress-bar' : 'progress');
      let code: number = exitCodes.error;
      try {
        const image = flags.image === undefined ? undefined : await imageRun(flags.image, flags);
        const apiKeys = flags.apiKey?.reduce<ReturnType<typeof collectApiKey>>(
          (keys, v) => collectApiKey(v, keys),
          {},
        );
        const result = await runConformance(
          {
            target: flags.target,
            apiKeys,
            adapter: flags.adapter,
            capabilities: flags.capabilities,
            tags: flags.tags,
            name: flags.name,
            dryRun: flags.dryRun,
            formats: flags.format,
            parallel: flags.parallel,
            shard: flags.shard,
            waivers: flags.waivers,
            reports: flags.reports,
            failFast: flags.failFast,
            databaseUrl: process.env.DATABASE_URL,
            image,
            requestTimeoutMs: flags.requestTimeout,
            timeLimitMs: flags.timeout,
          },
          {
            progress: progressFormat === 'none' ? undefined : process.stderr,
            progressFormat: progressFormat === 'none' ? 'summary' : progressFormat,
            stderr: process.stderr,
            signal: controller.signal,
            onWarning: (line) => process.stderr.write(`vcert run: ${line}\n`),
            onNote: (line) => process.stderr.write(`vcert run: ${line}\n`),
            onStop: (cause) => {
              if (cause.kind === 'time-limit')
                process.stderr.write(`\nvcert run: ${describeStop(cause)}: stopping the run\n`);
            },
          },
        );
        process.stdout.write(
          flags.dryRun
            ? `\n${formatDryRun(result.summary)}`
            : `\n${formatHumanSummary(result.summary, result.files, process.cwd())}`,
        );
        code = controller.signal.aborted ? signalCode : result.exitCode;
      } catch (error) {
        process.stderr.write(`vcert run: ${(error as Error).message}\n`);
        code = exitCodes.error;
      } finally {
        for (const signal of signals) process.off(signal, onSignal);
        releaseSignals();
      }
      exitWith(code);
    });
}
