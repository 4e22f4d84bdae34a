// Nightly-sized property run against the bundled reference implementation: 10,000 negative-data cases,
// 1,000 model runs of a voucher's life and 1,000 positive-data cases (plus 200 scheduled races and the
// access sweep), each with its time and cases per second. Figures only: nothing here passes or fails on speed.
// Run: node bench/properties.bench.ts [--quick] [--seed N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../reference-impl/server.ts';
import { failureReport } from '../src/properties/failure-report.ts';
import { type PropertyName, runProperties } from '../src/properties/run-properties.ts';

const quick = process.argv.includes('--quick');
const seedAt = process.argv.indexOf('--seed');
const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : Date.now() % 1_000_000;
const plan: Array<{ property: PropertyName; runs: number }> = [
  { property: 'negative-data', runs: quick ? 500 : 10_000 },
  { property: 'voucher-life', runs: quick ? 50 : 1_000 },
  { property: 'races', runs: quick ? 20 : 200 },
  { property: 'positive-data', runs: quick ? 100 : 1_000 },
  { property: 'access', runs: 1 },
];

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vcert-bench-'));
const server = await startServer({
  testControl: true,
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  logLevel: 'error',
});
console.log(`properties bench: seed ${seed}, target ${server.url}${quick ? ' (quick)' : ''}`);
console.log('property        cases    seconds   cases/s  verdict');
let failed = false;
try {
  for (const { property, runs } of plan) {
    const t0 = performance.now();
    const [outcome] = await runProperties({ target: server.url, budget: { runs, seed }, only: [property] });
    const seconds = (performance.now() - t0) / 1000;
    if (!outcome) continue;
    const rate = outcome.runs / seconds;
    console.log(
      `${property.padEnd(14)} ${String(outcome.runs).padStart(6)} ${seconds.toFixed(1).padStart(10)} ${rate.toFixed(1).padStart(9)}  ${outcome.passed ? 'held' : 'FAILED'}`,
    );
    if (!outcome.passed) {
      failed = true;
      console.log(failureReport(outcome));
    }
  }
} finally {
  await server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
