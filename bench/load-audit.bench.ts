// The double-spend audit of a 1,000,000-request k6 run, end to end: k6's JSON output (the lines k6 writes
// for each request, and the vcert_op samples with their metadata) and the vouchers' final ledgers are
// generated once (kept in .tmp/load-audit/), then a fresh process runs what `vcert load` runs after k6:
// one streaming pass (thresholds over the raw samples, the history written as it is read), the
// thresholds, and the checkers (contract, money bounds, ledger conservation) over the history file. It
// prints each stage's time and the process's peak RSS (process.resourceUsage().maxRSS).
//   node bench/load-audit.bench.ts [--requests N] [--page]   (--page: also render audit.html)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseLedgers } from '../src/history/final-ledger.ts';
import { auditHistoryFile } from '../src/load/audit.ts';
import { renderLoadPage } from '../src/load/load-page.ts';
import { readK6Run } from '../src/load/read-k6-run.ts';
import type { SetupRecord } from '../src/load/setup-record.ts';
import { evaluateThresholds } from '../src/load/thresholds.ts';
import { generate } from './checkers-generate.ts';
import { writeK6Output, writeLedgers } from './load-audit/k6-output-of.ts';

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const requests = Number(argument('--requests') ?? 1_000_000);
const dir = resolve(import.meta.dirname, '../.tmp/load-audit', String(requests));
const samples = join(dir, 'k6.json');
const ledgersFile = join(dir, 'ledgers.json');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** The scripts' shared thresholds (load/lib/options.ts) and hot-voucher's own. */
const thresholds: Record<string, string[]> = {
  overspend: ['count==0'],
  unexpected_errors: ['rate<0.01'],
  'refusals{code:internal_error}': ['count==0'],
  'refusals{code:idempotency_key_reused}': ['count==0'],
  'refusals{code:unauthorized}': ['count==0'],
  'http_req_duration{op:createHold}': ['p(95)<1000', 'p(99)<2000', 'med<500'],
  'http_req_duration{op:captureHold}': ['p(95)<1000', 'p(99)<2000'],
};

/** Makes the k6 output and ledgers once; later runs reuse them. */
function prepare(): void {
  if (existsSync(samples) && existsSync(ledgersFile)) return;
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const workload = {
    ops: requests,
    vouchers: 10_000,
    clients: 64,
    policy: 'amount-holds',
    funds: 50_000,
    seed: 7,
  } as const;
  const { history, ledgers } = generate(workload);
  const setup: SetupRecord = {
    keys: { pos: 'p', webshop: 'w', backoffice: 'b' },
    vouchers: Object.keys(history.meta?.funds ?? {}),
    funds: workload.funds,
    currency: 'EUR',
    policy: workload.policy,
    // Between the vouchers' issue (2026-01-01) and the run's ledger entries (2026-01-02).
    startedAt: '2026-01-01T12:00:00.000Z',
  };
  // Under other names until complete: an interrupted generation is not taken for a whole one.
  const lines = writeK6Output(`${samples}.part`, history, setup);
  writeLedgers(`${ledgersFile}.part`, ledgers);
  renameSync(`${samples}.part`, samples);
  renameSync(`${ledgersFile}.part`, ledgersFile);
  console.log(
    `generated ${history.ops.length.toLocaleString('en')} requests over ${workload.vouchers.toLocaleString('en')} vouchers: ${lines.toLocaleString('en')} lines, ${mb(statSync(samples).size)} of k6 JSON output (${seconds(performance.now() - started)})`,
  );
}

/** The audit, in this (fresh) process. */
async function audit(): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const read = await readK6Run([samples], {
    thresholds,
    historyPath: join(dir, 'history.ndjson'),
    target: 'http://127.0.0.1:1',
  });
  const t1 = performance.now();
  const readRss = process.resourceUsage().maxRSS * 1024;
  const results = evaluateThresholds(thresholds, read.series);
  const t2 = performance.now();
  const result = await auditHistoryFile(read.history.path, ledgersFile);
  const t3 = performance.now();
  console.log(
    `  read k6 output (stream), write history  ${seconds(t1 - t0)}  (${read.history.operations.toLocaleString('en')} operations, ${mb(statSync(read.history.path).size)} history)`,
  );
  console.log(
    `  thresholds over the raw samples         ${seconds(t2 - t1)}  (${results.filter((t) => t.ok).length} of ${results.length} ok)`,
  );
  console.log(
    `  checkers over the history file          ${seconds(t3 - t2)}  (valid: ${result.report.valid}; ${result.report.verdicts.map((v) => `${v.checker} ${v.valid}`).join(', ')})`,
  );
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `  total                                   ${seconds(t3 - t0)}  (CPU time of all threads ${seconds(cpuMs)})`,
  );
  const rss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `  peak RSS                                ${mb(rss)}  (${mb(readRss)} after the streaming read)`,
  );
  if (process.argv.includes('--page')) {
    const page = renderLoadPage(
      {
        target: 'generated',
        segments: 1,
        exitCodes: [0],
        thresholds: results,
        history: result.history,
        audit: result,
        files: {},
        ok: false,
        operations: read.history.operations,
        opCounts: read.history.counts,
      },
      'generated',
      parseLedgers(readFileSync(ledgersFile, 'utf8')),
    );
    writeFileSync(join(dir, 'audit.html'), page);
    const t4 = performance.now();
    console.log(
      `  audit.html                              ${seconds(t4 - t3)}  (${Math.round(page.length / 1000)} KB; peak RSS now ${mb(process.resourceUsage().maxRSS * 1024)})`,
    );
  }
  console.log(
    JSON.stringify({
      requests,
      totalMs: Math.round(t3 - t0),
      cpuMs: Math.round(cpuMs),
      peakRssMb: Math.round(rss / 1e6),
    }),
  );
}

/** This benchmark again, in a process of its own (its memory is its own). */
const again = (mode: string) =>
  spawnSync(process.execPath, [import.meta.filename, mode, ...process.argv.slice(2)], { stdio: 'inherit' })
    .status;

if (process.argv.includes('--audit')) await audit();
else if (process.argv.includes('--generate')) prepare();
else {
  if (!existsSync(samples) || !existsSync(ledgersFile)) again('--generate');
  console.log(
    `\n${cpus().length} cores (${cpus()[0]?.model}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}`,
  );
  console.log(
    `audit of ${requests.toLocaleString('en')} requests (${mb(statSync(samples).size)} of k6 output) in a fresh process:`,
  );
  process.exitCode = again('--audit') ?? 1;
}
