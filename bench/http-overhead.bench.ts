// The HTTP layer's own cost, not the limit: redemptions per second through HTTP (hold, then capture)
// against the same service functions called in-process inside the server's own transaction wrapper,
// on many vouchers and on one hot voucher, in one run. The ceiling here shares every SQL statement and
// round trip with the server, so it measures what HTTP adds; the limit (pgbench running the minimal
// transaction) is bench/redemption.bench.ts. Prints the machine, the parameters, throughput and
// latency per case and path, the ratio HTTP / in-process, where the CPU went, and a money check.
// Run: node bench/http-overhead.bench.ts   (knobs: BENCH_CLIENTS, BENCH_VOUCHERS, BENCH_ROUNDS, BENCH_SECONDS,
// BENCH_MAX, BENCH_PROFILE=auto|on|off, BENCH_KEY_LOOKUP=1 adds a diagnostic path: the in-process loop
// plus the server's API-key lookup per step)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { dbRedeemer } from './redemption/db-redeemer.ts';
import { httpRedeemer } from './redemption/http-redeemer.ts';
import { describeMachine, type Params, printReport } from './redemption/report.ts';
import { type CaseResult, runCase } from './redemption/run-case.ts';
import { activatedVouchers, createTenant } from './redemption/seed.ts';
import { startServerChild } from './redemption/server-child.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const params: Params = {
  clients: num('BENCH_CLIENTS', 16),
  vouchers: num('BENCH_VOUCHERS', 2000),
  rounds: num('BENCH_ROUNDS', 6),
  maxSeconds: num('BENCH_SECONDS', 2.5),
  maxRedemptions: num('BENCH_MAX', 50_000),
  warmupSeconds: num('BENCH_WARMUP_SECONDS', 2),
  warmupRedemptions: num('BENCH_WARMUP_MAX', 2000),
  dbPoolSize: 32, // the server's own pool size (reference-impl/storage/database.ts)
  amount: 100,
  manyBalance: 10_000_000,
  hotBalance: 1_000_000_000_000,
  profile: (process.env.BENCH_PROFILE ?? 'auto') as Params['profile'],
};

const dataDir = mkdtempSync(join(tmpdir(), 'vcert-http-overhead-bench-'));
const server = await startServerChild(dataDir);
const http = new Pool(server.url, { connections: params.clients, pipelining: 1, keepAliveTimeout: 30_000 });
const db = new pg.Pool({ connectionString: server.databaseUrl, max: params.dbPoolSize });
// An idle connection sees PostgreSQL stop at the end; that is not a failure of the run.
db.on('error', () => {});
try {
  const machine = await describeMachine(db);
  const setupStart = performance.now();
  const tenant = await createTenant(http);
  const many = await activatedVouchers(http, tenant, 'MANY', params.vouchers, params.manyBalance);
  const hot = await activatedVouchers(http, tenant, 'HOT', 1, params.hotBalance);
  const setupSeconds = (performance.now() - setupStart) / 1000;
  const paths = {
    ceiling: dbRedeemer(db, tenant.tenantId, params.amount),
    http: httpRedeemer(http, tenant.posKey, params.amount),
    ...(process.env.BENCH_KEY_LOOKUP === '1'
      ? { keyLookup: dbRedeemer(db, tenant.tenantId, params.amount, tenant.posKey) }
      : {}),
  };
  const context = { server, db, dataDir, params, paths };
  const results: CaseResult[] = [];
  results.push(await runCase(context, 'many vouchers', many, params.manyBalance));
  results.push(await runCase(context, 'one hot voucher', hot, params.hotBalance));
  printReport(machine, params, setupSeconds, results);
} finally {
  await http.close();
  await db.end();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
