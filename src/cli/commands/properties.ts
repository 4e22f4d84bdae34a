import { type Command, InvalidArgumentError } from 'commander';
import { failureReport } from '../../properties/failure-report.ts';
import { type PropertyName, propertyNames, runProperties } from '../../properties/run-properties.ts';
import { externalTarget, type RunTarget, startReferenceTarget } from '../../run/run-target.ts';

interface PropertiesFlags {
  target?: string;
  adapter?: string;
  runs: number;
  seed?: number;
  path?: string;
  only?: PropertyName[];
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

/** `vcert properties`: property-based and model-based tests against a target (the reference one by default). */
export function registerProperties(program: Command): void {
  program
    .command('properties')
    .description(
      'generated voucher lives against a model, POS races under a scheduler, malformed requests and access; prints a replayable seed and, on failure, the shrunk case as Gherkin and curl',
    )
    .option(
      '--target <url>',
      'base URL of the implementation (default: start the bundled reference implementation)',
    )
    .option('--adapter <file>', 'vendor adapter module for an API of another shape')
    .option('--runs <n>', 'runs per property', positiveInteger, 100)
    .option('--seed <n>', 'seed to replay (printed by every run)', integer)
    .option('--path <path>', "a counterexample's shrink path, with its --seed: replays exactly it")
    .option('--only <names>', `comma-separated: ${propertyNames.join(', ')}`, propertyList)
    .addHelpText('after', '\nExit codes: 0 every property held; 1 a property failed; 2 could not run.')
    .action(async (flags: PropertiesFlags) => {
      let target: RunTarget | undefined;
      let code = 2;
      try {
        target = flags.target
          ? externalTarget(flags.target)
          : await startReferenceTarget(process.env.DATABASE_URL);
        const outcomes = await runProperties({
          target: target.url,
          adapter: flags.adapter,
          budget: { runs: flags.runs, seed: flags.seed, path: flags.path },
          only: flags.only,
          onOutcome: (o) => console.log(`${failureReport(o)}\n`),
        });
        code = outcomes.every((o) => o.passed) ? 0 : 1;
      } catch (error) {
        console.error(`vcert properties: ${(error as Error).message}`);
      } finally {
        await target?.close();
      }
      process.exitCode = code;
      process.stdout.write('', () => process.exit(code));
    });
}
