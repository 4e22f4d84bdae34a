// The whole conformance suite against a target 50 ms away: the reference implementation behind the fault
// proxy with a fixed 50 ms delay on every request (nothing else injected), as a vendor's sandbox across
// a network would be. Goal: under 60 s, by running scenarios in parallel. Prints one line per worker
// count: wall time, scenarios, verdict; "auto" is what `vcert run` chooses when --parallel is not given.
// Run: node bench/suite-latency.bench.ts   (knobs: BENCH_PARALLEL=auto,0,8; BENCH_DELAY_MS=50; BENCH_TAGS)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../reference-impl/server.ts';
import { startFaultProxy } from '../simulators/faults/fault-proxy.ts';
import { runConformance } from '../src/run/run-conformance.ts';

const goalMs = 60_000;
const delayMs = Number(process.env.BENCH_DELAY_MS ?? 50);
const counts = (process.env.BENCH_PARALLEL ?? 'auto,0').split(',').map((n) => n.trim());
const tags = process.env.BENCH_TAGS || undefined;

const dataDir = mkdtempSync(join(tmpdir(), 'vcert-bench-latency-'));
const server = await startServer({ port: 0, testControl: true, dataDir, logLevel: 'error' });
const proxy = await startFaultProxy({
  target: server.url,
  profile: { rates: { delay: 1 } },
  delayMs: [delayMs, delayMs],
  seed: 1,
});
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown cpu'} × ${availableParallelism()}, node ${process.version}`,
);
console.log(`target: the reference implementation behind a proxy adding ${delayMs} ms to every request`);
console.log(`selection: ${tags ?? 'the whole suite'}\n`);
console.log('workers  wall (s)  requests  scenarios  passed  other  verdict  goal < 60 s');
try {
  for (const count of counts) {
    const reports = mkdtempSync(join(tmpdir(), 'vcert-bench-latency-reports-'));
    const before = proxy.counts.delay;
    const started = performance.now();
    const { summary } = await runConformance({
      target: proxy.url,
      tags,
      reports,
      // The proxy is on loopback, where the default is one process: 'auto' measures it as a remote target.
      parallel: count === 'auto' ? 'auto' : Number(count),
    });
    const wallMs = performance.now() - started;
    rmSync(reports, { recursive: true, force: true });
    const t = summary.totals.scenarios;
    const workers = count === 'auto' ? `auto=${summary.selection.parallel}` : count;
    console.log(
      [
        workers.padStart(7),
        (wallMs / 1000).toFixed(1).padStart(9),
        String(proxy.counts.delay - before).padStart(9),
        String(summary.scenarios.length).padStart(10),
        String(t.passed).padStart(7),
        String(summary.scenarios.length - t.passed).padStart(6),
        (summary.verdict.passed ? 'PASS' : 'FAIL').padStart(8),
        (wallMs < goalMs ? 'met' : 'MISSED').padStart(12),
      ].join(' '),
    );
    if (!summary.verdict.passed) console.log(`         ${summary.verdict.reasons.join('; ')}`);
  }
} finally {
  await proxy.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
