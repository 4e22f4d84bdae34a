/**
 * `npm run mutation -- [FOLDER...] [--sample N | --all | --survivors | --again] [--seed N] [--concurrency N]`, or
 * `--summary` to print the last run's scores again. `--all-runs` with --summary or --survivors: every kept
 * run added up, each mutant where its code is unchanged (mutation/runs.ts), not the last one alone. Mutates the reference implementation (docs/mutation.md) with
 * StrykerJS, kills mutants with the harness's own tools (mutation/tests/), and prints the score per
 * folder and every survivor.
 *
 * FOLDER: domain, service, storage, http, tenders, sweeper, server (default: all). --sample N draws N
 * mutated spans per folder at random (default 10; the seed is printed and --seed replays it); --all
 * mutates every span; --survivors runs again the survivors of the last report not argued equivalent
 * (on the code that report was made from: after a new scenario, to see them killed); --again runs again
 * every mutant the kept runs ran in the given files, killed or not (when code elsewhere changed what
 * reaches them, a kept result may be stale). One embedded PostgreSQL server is started for the run, each test process gets
 * a fresh database on it, and it is stopped at the end.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedServer } from '../reference-impl/storage/embedded-server.ts';
import { keepRun, keptRuns, mergeRuns, referenceTree, runsDir } from './runs.ts';
import { listMutants, mutateRange, type Span, sampleSpans } from './sample.ts';
import { formatScores, readEquivalents, type Scores, scoreOf, scoreReport } from './score.ts';
import { mutateFiles } from './targets.ts';

const reportPath = 'reports/mutation/mutation.json';
const equivalentsPath = 'mutation/equivalent.md';
const usage =
  'usage: npm run mutation -- [FOLDER...] [--sample N | --all | --survivors | --again] [--seed N] [--concurrency N] [--summary] [--all-runs]';

function fail(line: string): never {
  console.error(`mutation: ${line}`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        sample: { type: 'string' },
        all: { type: 'boolean', default: false },
        seed: { type: 'string' },
        concurrency: { type: 'string' },
        summary: { type: 'boolean', default: false },
        survivors: { type: 'boolean', default: false },
        again: { type: 'boolean', default: false },
        'all-runs': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
})();

const positive = (name: string, text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive whole number, not ${text}`);
  return n;
};

const tree = referenceTree();

/** The last run's scores, or with --all-runs those of every kept run added up, mutant by mutant. */
function scores(): Scores {
  const equivalents = readEquivalents(equivalentsPath);
  if (!values['all-runs']) return scoreReport(reportPath, equivalents);
  const runs = keptRuns();
  if (runs.length === 0) fail(`--all-runs: no run kept in ${runsDir}`);
  console.log(`mutation: ${runs.length} run(s) added up, each mutant where its code is unchanged:`);
  const left = new Map<string, string[]>();
  const merged = mergeRuns(runs, undefined, ({ run, file, ran, changed }) =>
    left.set(run, [...(left.get(run) ?? []), `${file} (${changed} of ${ran} run in code changed since)`]),
  );
  for (const run of runs) {
    const changed = left.get(run);
    console.log(`  ${run}${changed ? `; left out: ${changed.join(', ')}` : ''}`);
  }
  return scoreOf(merged, equivalents);
}

function printScores(): void {
  console.log(formatScores(scores()));
}

if (values.summary) {
  printScores();
  process.exit(0);
}
if (values['all-runs'] && !values.survivors) fail('--all-runs goes with --summary or --survivors');
if ([values.all, values.sample !== undefined, values.survivors, values.again].filter(Boolean).length > 1)
  fail('--all, --sample, --survivors and --again exclude each other');

const files = mutateFiles(positionals);
if (files.length === 0) fail(`no file to mutate under ${positionals.join(', ')}`);
const perFolder = positive('sample', values.sample, 10);
// The date as the default seed: each night draws another sample, and the seed printed replays it.
const today = new Date();
const seed = positive(
  'seed',
  values.seed,
  today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate(),
);
const concurrency = positive('concurrency', values.concurrency, 2);

const work = resolve('.tmp/mutation');
mkdirSync(work, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  // Stryker's TAP runner starts test files with `node` from PATH: this Node 24 runs TypeScript.
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  VCERT_MUTATION_CONCURRENCY: String(concurrency),
};
delete env.VCERT_MUTATION_SAMPLE;
if (values.all) {
  env.VCERT_MUTATION_MUTATE = JSON.stringify(files);
  console.log(`mutation: every mutant of ${files.length} files`);
} else if (values.survivors || values.again) {
  const wanted = new Set(files);
  // --again: every mutant the kept runs ran in these files, whatever its status (code elsewhere may
  // have changed what reaches them); --survivors: the survivors of the last report, or of all runs.
  const chosen = values.again
    ? Object.entries(mergeRuns(keptRuns()).files).flatMap(([file, { mutants }]) =>
        wanted.has(file) ? mutants.filter((m) => m.status !== 'Ignored').map((m) => ({ file, ...m })) : [],
      )
    : scores().survivors.filter((s) => wanted.has(s.file));
  const spans: Span[] = chosen
    // The report's columns count from 1, Babel's from 0.
    .map(({ file, location: { start, end } }) => ({
      file,
      start: { line: start.line, column: start.column - 1 },
      end: { line: end.line, column: end.column - 1 },
    }));
  if (spans.length === 0) fail(values.again ? 'no kept run ran a mutant there' : 'no survivor to run again');
  const samplePath = join(work, 'sample.json');
  writeFileSync(samplePath, JSON.stringify(spans));
  env.VCERT_MUTATION_SAMPLE = samplePath;
  env.VCERT_MUTATION_MUTATE = JSON.stringify([...new Set(spans.map(mutateRange))]);
  console.log(
    `mutation: the ${spans.length} ${values.again ? 'mutants the kept runs ran' : 'survivors'} again`,
  );
} else {
  const spans = sampleSpans(await listMutants(files), perFolder, seed);
  const samplePath = join(work, 'sample.json');
  writeFileSync(samplePath, JSON.stringify(spans));
  env.VCERT_MUTATION_SAMPLE = samplePath;
  env.VCERT_MUTATION_MUTATE = JSON.stringify(spans.map(mutateRange));
  console.log(
    `mutation: ${spans.length} spans sampled (${perFolder} per folder, seed ${seed}; --seed ${seed} draws them again)`,
  );
}

const started = performance.now();
const dataDir = join(work, `postgres-${process.pid}`);
const postgres = await startEmbeddedServer(dataDir);
const admin = new URL(postgres.url);
admin.pathname = '/postgres';
env.VCERT_MUTATION_PG = admin.toString();
let code = 1;
try {
  code = await new Promise<number>((done, reject) => {
    const stryker = spawn(
      process.execPath,
      ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.mjs'],
      { env, stdio: 'inherit' },
    );
    const forward = (signal: NodeJS.Signals) => stryker.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    stryker.on('error', reject);
    stryker.on('exit', (exitCode, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(exitCode ?? (signal ? 130 : 1));
    });
  });
} finally {
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const minutes = (performance.now() - started) / 60_000;
if (code !== 0) fail(`stryker ended with exit code ${code} after ${minutes.toFixed(1)} min`);
console.log(`\nmutation: run time ${minutes.toFixed(1)} min, concurrency ${concurrency}\n`);
const label = values.all
  ? 'all'
  : values.survivors
    ? 'survivors'
    : values.again
      ? 'again'
      : `sample-${perFolder}-seed-${seed}`;
const kept = keepRun(reportPath, tree, label);
console.log(
  kept
    ? `mutation: kept as ${kept} (npm run mutation -- --summary --all-runs adds up the kept runs)\n`
    : 'mutation: not kept for adding up: reference-impl/ had changes not committed\n',
);
printScores();
