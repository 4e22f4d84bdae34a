// StrykerJS over the reference implementation, with the harness's own tools as the tests
// (docs/mutation.md). Run it through `npm run mutation`, which starts the shared PostgreSQL server,
// draws a sample and prints the score per folder; `npx stryker run` alone mutates everything.
import { excluded } from './mutation/targets.ts';

const env = process.env;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: env.VCERT_MUTATION_MUTATE
    ? JSON.parse(env.VCERT_MUTATION_MUTATE)
    : ['reference-impl/**/*.ts', ...Object.keys(excluded).map((f) => `!${f}`)],
  plugins: ['@stryker-mutator/tap-runner', './mutation/sample-ignorer.ts'],
  ignorers: ['vcert-sample'],
  testRunner: 'tap',
  tap: { testFiles: ['mutation/tests/*.test.ts'] },
  // The TAP runner reports which files reached each mutant: a mutant runs only those files.
  coverageAnalysis: 'perTest',
  concurrency: Number(env.VCERT_MUTATION_CONCURRENCY ?? 2),
  // A loaded machine makes runs slower and uneven: a timeout counts as killed, so it is set wide.
  timeoutMS: 60_000,
  timeoutFactor: 2.5,
  dryRunTimeoutMinutes: 30,
  // What the sandbox copy needs: the implementation, the harness and its suite (not .tmp, bin, reports).
  // Not tsconfig.json: Stryker rewrites it with TypeScript's JavaScript API, which TypeScript 7 has not.
  ignorePatterns: [
    '/*',
    '!/reference-impl',
    '!/src',
    '!/steps',
    '!/features',
    '!/spec',
    '!/simulators',
    '!/adapter',
    '!/mutation',
    // The tender features read the vendors' files from test/fixtures/tenders.
    '!/test',
    '/test/*',
    '!/test/fixtures',
    '!/package.json',
    '!/cucumber.mjs',
  ],
  reporters: ['json', 'html', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 95, low: 80, break: null },
  tempDirName: '.stryker-tmp',
};
