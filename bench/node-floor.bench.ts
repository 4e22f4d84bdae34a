// What the reference server costs beyond the least a Node server must do for a one-step redemption:
// both under wrk on the same vouchers and database, the reference server (every check it makes: schema,
// text rules, API key, fingerprint, the service's path when the statement gives up) against
// bench/redemption/least-server.ts (Fastify, the body, the same statement and group commit, the
// answer). The limit of the database is bench/redemption.bench.ts; this shows how much of the gap to
// it any Node server leaves on this machine, and how much is the reference server's own. Rounds
// alternate which server goes first.
// Prints per cell: redemptions per second of each (every round), their ratio, and each server's CPU
// per redemption (µs, from /proc). Needs wrk (bash scripts/setup-pgbench.sh).
// Run: node bench/node-floor.bench.ts   (knobs: BENCH_CLIENTS=8,32, BENCH_VOUCHERS=200, BENCH_ROUNDS=3,
// BENCH_SECONDS=5, BENCH_WARMUP_SECONDS=2)
import { fork } from 'node:child_process';
import { hash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { redemptionKnobs } from './redemption/knobs.ts';
import { activatedVouchers, createTenant } from './redemption/seed.ts';
import { startServerChild } from './redemption/server-child.ts';
import { formatTable } from './redemption/table.ts';
import { hasWrk, runWrk } from './redemption/wrk-run.ts';

const { clientCounts, voucherCount, rounds, seconds, warmupSeconds } = redemptionKnobs();
const amount = 100;

if (!(await hasWrk())) {
  console.error('wrk is not installed: bash scripts/setup-pgbench.sh');
  process.exit(2);
}

/** CPU time (ms) a process has used, from /proc (user + system). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const loadBefore = loadavg();
const dataDir = mkdtempSync(join(tmpdir(), 'vcert-node-floor-bench-'));
const reference = await startServerChild(dataDir);
let least: ReturnType<typeof fork> | undefined;
try {
  const http = new Pool(reference.url, { connections: 16 });
  const tenant = await createTenant(http);
  const sets = {
    [`many (${voucherCount})`]: await activatedVouchers(http, tenant, 'MANY', voucherCount, 1_000_000_000),
    'one hot': await activatedVouchers(http, tenant, 'HOT', 1, 1_000_000_000_000),
  };
  await http.close();
  const script = new URL('./redemption/least-server.ts', import.meta.url);
  least = fork(script, [reference.databaseUrl, tenant.tenantId, hash('sha256', tenant.posKey)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const leastInfo = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    least?.once('message', (m) => resolve(m as { url: string; pid: number }));
    least?.once('exit', (code) => reject(new Error(`least-server.ts exited (code ${code})`)));
  });
  const servers = [
    { name: 'reference', url: reference.url, pid: reference.pid },
    { name: 'least', url: leastInfo.url, pid: leastInfo.pid },
  ];
  const rows: Array<Array<string | number>> = [];
  let failed = 0;
  for (const clients of clientCounts)
    for (const [cellName, vouchers] of Object.entries(sets)) {
      // Tags become part of Idempotency-Keys: visible ASCII only.
      const slug = `${clients}-${vouchers.length}`;
      const run = (url: string, forSeconds: number, tag: string) =>
        runWrk({ url, posKey: tenant.posKey, vouchers, amount, clients, seconds: forSeconds, tag });
      for (const s of servers) await run(s.url, warmupSeconds, `warm-${s.name}-${slug}`);
      const by = new Map(servers.map((s) => [s.name, { rates: [] as number[], done: 0, cpuMs: 0 }]));
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const s of order) {
          const before = cpuMsOf(s.pid);
          const result = await run(s.url, seconds, `${s.name}-${slug}-${round}`);
          const seen = by.get(s.name) as { rates: number[]; done: number; cpuMs: number };
          seen.cpuMs += cpuMsOf(s.pid) - before;
          seen.rates.push(result.perSecond);
          seen.done += result.completed;
          failed += result.failed;
        }
      }
      const [ref, low] = servers.map(
        (s) => by.get(s.name) as { rates: number[]; done: number; cpuMs: number },
      );
      const mean = (rates: number[]) => rates.reduce((a, b) => a + b, 0) / rates.length;
      const perRound = (ref?.rates ?? []).map((r, k) => r / (low?.rates[k] ?? Number.NaN));
      rows.push([
        clients,
        cellName,
        mean(ref?.rates ?? []).toFixed(0),
        (ref?.rates ?? []).map((r) => r.toFixed(0)).join(' / '),
        mean(low?.rates ?? []).toFixed(0),
        (low?.rates ?? []).map((r) => r.toFixed(0)).join(' / '),
        (mean(ref?.rates ?? []) / mean(low?.rates ?? [])).toFixed(2),
        `${Math.min(...perRound).toFixed(2)}-${Math.max(...perRound).toFixed(2)}`,
        (((ref?.cpuMs ?? 0) * 1000) / (ref?.done || 1)).toFixed(0),
        (((low?.cpuMs ?? 0) * 1000) / (low?.done || 1)).toFixed(0),
      ]);
    }
  const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' ');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; node ${process.version}; load average ` +
      `${load(loadBefore)} before, ${load(loadavg())} after`,
  );
  console.log(
    `each cell: ${warmupSeconds} s warm-up per server, then ${rounds} rounds of ${seconds} s per server, ` +
      'alternating which goes first; wrk with bench/redemption/redeem.wrk.lua\n',
  );
  console.log(
    formatTable(
      [
        'clients',
        'vouchers',
        'reference/s',
        'rounds',
        'least/s',
        'rounds',
        'reference ÷ least',
        'per round',
        'reference µs',
        'least µs',
      ],
      rows,
    ),
  );
  console.log(
    '\nleast: bench/redemption/least-server.ts, the same statement and group commit with nothing ' +
      'around them; µs: CPU time of each server process per redemption',
  );
  console.log(`failed requests (non-2xx or socket errors): ${failed}`);
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  least?.kill();
  await reference.close();
  rmSync(dataDir, { recursive: true, force: true });
}
