// Wall time of the whole conformance suite against the bundled reference implementation, as
// `vcert run` does it: start the reference implementation (embedded PostgreSQL, or DATABASE_URL),
// read its capabilities, run every scenario, write the reports, stop it. Goal: under 60 s.
// Prints one line per worker count: total wall time, the part cucumber spent running scenarios,
// scenario counts and the verdict.
// Run: node bench/suite.bench.ts   (knobs: BENCH_PARALLEL=0,4 worker counts; BENCH_TAGS=expr)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runConformance } from '../src/run/run-conformance.ts';

const goalMs = 60_000;
const workerCounts = (process.env.BENCH_PARALLEL ?? `0,${Math.min(4, availableParallelism())}`)
  .split(',')
  .map((n) => Number(n.trim()));
const tags = process.env.BENCH_TAGS || undefined;

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${availableParallelism()}, node ${process.version}`,
);
console.log(`database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL, fresh per run'}`);
console.log(`selection: ${tags ?? 'the whole suite'}\n`);
console.log('workers  wall (s)  scenarios (s)  scenarios  passed  other  verdict  goal < 60 s');

let worst = 0;
for (const parallel of workerCounts) {
  const reports = mkdtempSync(join(tmpdir(), 'vcert-bench-suite-'));
  const started = performance.now();
  const { summary } = await runConformance({
    parallel,
    tags,
    reports,
    databaseUrl: process.env.DATABASE_URL,
  });
  const wallMs = performance.now() - started;
  rmSync(reports, { recursive: true, force: true });
  worst = Math.max(worst, wallMs);
  const t = summary.totals.scenarios;
  const other = summary.scenarios.length - t.passed;
  console.log(
    [
      String(parallel).padStart(7),
      (wallMs / 1000).toFixed(1).padStart(9),
      ((summary.run.durationMs ?? 0) / 1000).toFixed(1).padStart(14),
      String(summary.scenarios.length).padStart(10),
      String(t.passed).padStart(7),
      String(other).padStart(6),
      (summary.verdict.passed ? 'PASS' : 'FAIL').padStart(8),
      (wallMs < goalMs ? 'met' : 'MISSED').padStart(12),
    ].join(' '),
  );
  if (!summary.verdict.passed) console.log(`         ${summary.verdict.reasons.join('; ')}`);
}
console.log(`\nslowest run: ${(worst / 1000).toFixed(1)} s (goal ${goalMs / 1000} s)`);
