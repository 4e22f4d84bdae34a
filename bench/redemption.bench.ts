// One-step redemptions per second through the reference implementation's HTTP API against the limit
// of its database: pgbench running the minimal correct redemption transaction (idempotency row,
// voucher row lock, balance, redemption row, ledger entry, stored answer) statement by statement on
// the server's own schema and the same embedded PostgreSQL server. At 8 and 32 clients, on many
// vouchers and on one hot voucher: both throughputs, every round, and their ratio (goal: at least 0.9
// in all four cells). Beside them, pgbench running the server's own statement (its database function,
// one round trip): what HTTP and Node cost on top of the database's work for that path.
// The HTTP load is wrk with bench/redemption/redeem.wrk.lua (an undici loop when wrk is missing).
// Ends with a check that the money of every run adds up; exit code 1 when it does not.
// Set-up: bash scripts/setup-pgbench.sh (pgbench and wrk from Debian's packages).
// Run: npm run bench   (knobs: BENCH_CLIENTS=8,32, BENCH_VOUCHERS=200, BENCH_ROUNDS=3, BENCH_SECONDS=5,
// BENCH_WARMUP_SECONDS=2, BENCH_HTTP=wrk|node)
import { hash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { type Cell, type CellResult, runCell } from './redemption/ceiling-cell.ts';
import { printCeilingReport } from './redemption/ceiling-report.ts';
import { cpuBetween, postmasterPidOf, sampleCpu } from './redemption/cpu-meter.ts';
import { runHttpLoop } from './redemption/http-loop.ts';
import { redemptionKnobs } from './redemption/knobs.ts';
import { checkLedgers } from './redemption/ledger-check.ts';
import { pgbenchVersion, runPgbench } from './redemption/pgbench-run.ts';
import { activatedVouchers, createTenant, receipt } from './redemption/seed.ts';
import { startServerChild } from './redemption/server-child.ts';
import { hasWrk, runWrk } from './redemption/wrk-run.ts';

const { clientCounts, voucherCount, rounds, seconds, warmupSeconds } = redemptionKnobs();
const amount = 100;

const pgbench = await pgbenchVersion();
if (!pgbench) {
  console.error('pgbench is not installed: bash scripts/setup-pgbench.sh');
  process.exit(2);
}
// The script needs \gset (pgbench 12); any pgbench since speaks protocol 3 to any newer server.
const pgbenchMajor = Number(/\) (\d+)/.exec(pgbench)?.[1]);
if (!(pgbenchMajor >= 12)) {
  console.error(`${pgbench}: the redemption script needs pgbench 12 or later`);
  process.exit(2);
}
const useWrk = process.env.BENCH_HTTP !== 'node' && (await hasWrk());
const runHttp = useWrk ? runWrk : runHttpLoop;
const loadBefore = loadavg();

const dataDir = mkdtempSync(join(tmpdir(), 'vcert-redemption-bench-'));
const server = await startServerChild(dataDir);
const db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
// An idle connection sees PostgreSQL stop at the end; that is not a failure of the run.
db.on('error', () => {});
let ok = false;
try {
  const http = new Pool(server.url, { connections: 16 });
  const tenant = await createTenant(http);
  const sets = {
    many: await activatedVouchers(http, tenant, 'MANY', voucherCount, 1_000_000_000),
    hot: await activatedVouchers(http, tenant, 'HOT', 1, 1_000_000_000_000),
  };
  await http.close();
  const { rows } = await db.query('SHOW server_version');
  const serverVersion = String(rows[0].server_version);
  const counted = new Map<string[], number>();
  const count = (vouchers: string[], n: number) => counted.set(vouchers, (counted.get(vouchers) ?? 0) + n);
  const fingerprint = 'f'.repeat(64);
  // What the server stores with a key (a redemption's answer but its balanceAfter), of the same size.
  const storedAnswer = {
    id: randomUUID(),
    voucherId: randomUUID(),
    holdId: null,
    amount: { amount, currency: 'EUR' },
    refunded: { amount: 0, currency: 'EUR' },
    receipt: receipt('PGBENCH-2'),
    capturedAt: new Date().toISOString(),
    remainderVoucher: null,
  };
  const postmaster = postmasterPidOf(join(dataDir, 'pg'));
  // The CPU every part of the machine spent during a run (PostgreSQL, the server, the rest).
  const metered = async <T extends { completed: number }>(run: () => Promise<T>) => {
    const before = await sampleCpu(postmaster, server.cpuMs);
    const result = await run();
    // PostgreSQL counts a closed connection's CPU once it has reaped the backend (pgbench's, at its end).
    await new Promise((done) => setTimeout(done, 200));
    return { ...result, cpu: cpuBetween(before, await sampleCpu(postmaster, server.cpuMs)) };
  };
  // pgbench on the cell's vouchers with one of its scripts; `more` are that script's own variables.
  const pgbenchPath =
    (script: 'transaction' | 'statement', receiptNumber: string, more: Record<string, string> = {}) =>
    async (cell: Cell, forSeconds: number) => {
      const vars = {
        tenant: tenant.tenantId,
        ids: cell.vouchers.join(''),
        count: cell.vouchers.length,
        amount,
        fingerprint,
        receipt: JSON.stringify(receipt(receiptNumber)),
        ...more,
      };
      const run = {
        databaseUrl: server.databaseUrl,
        clients: cell.clients,
        seconds: forSeconds,
        vars,
        script,
      };
      const result = await metered(() => runPgbench(run));
      count(cell.vouchers, result.completed);
      return result;
    };
  const paths = {
    pgbench: pgbenchPath('transaction', 'PGBENCH-1'),
    statement: pgbenchPath('statement', 'PGBENCH-2', {
      keyhash: hash('sha256', tenant.posKey),
      answer: JSON.stringify(storedAnswer),
    }),
    http: async (cell: Cell, forSeconds: number, tag: string) => {
      const run = { url: server.url, posKey: tenant.posKey, vouchers: cell.vouchers, amount };
      const result = await metered(() =>
        runHttp({ ...run, clients: cell.clients, seconds: forSeconds, tag }),
      );
      count(cell.vouchers, result.completed);
      return result;
    },
  };
  const plan = { db, rounds, seconds, warmupSeconds, paths };
  const results: CellResult[] = [];
  for (const clients of clientCounts) {
    results.push(await runCell(plan, { clients, name: `many (${voucherCount})`, vouchers: sets.many }));
    results.push(await runCell(plan, { clients, name: 'one hot', vouchers: sets.hot }));
  }
  const checks = [];
  for (const [name, vouchers] of Object.entries(sets)) {
    checks.push({ name, check: await checkLedgers(db, vouchers, amount, counted.get(vouchers) ?? 0) });
  }
  const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' ');
  const machine = [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; node ${process.version}; ` +
      `load average ${load(loadBefore)} before, ${load(loadavg())} after (other users of the machine)`,
    `PostgreSQL ${serverVersion} (embedded, fsync on), the reference server's pool of 32 connections; ` +
      `${pgbench} (a client of major ${pgbenchMajor} against a server of ${serverVersion.split('.')[0]}: ` +
      'protocol 3, the warm-up runs proved it)',
  ];
  const httpTool = useWrk
    ? 'wrk -t 2 with bench/redemption/redeem.wrk.lua'
    : 'undici loop (wrk not installed: bash scripts/setup-pgbench.sh)';
  ok = printCeilingReport({ machine, rounds, seconds, warmupSeconds, httpTool }, results, checks);
} finally {
  await db.end();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
