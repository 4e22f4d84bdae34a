// The same redemption endpoint (POST /vouchers/{id}/redemptions, one-step, 1 minor unit on one of many
// vouchers, a fresh Idempotency-Key each time) driven in one run by wrk, by k6, by a plain Node loop
// (undici) and by the Node simulator fleet (simulators/fleet: closed-loop POS terminals through the
// driver seam, every answer checked against the contract and recorded as history), each with the same
// number of connections for the same time. Prints requests and redemptions per second, the share of
// 201 answers and the ratios to wrk, so the load tool's own cost can be read off. A fleet terminal
// looks the balance up before each redemption (its cashier flow): two requests per basket.
// Run: node bench/load-compare.bench.ts   (knobs: BENCH_CONNECTIONS=8, BENCH_SECONDS=5, BENCH_VOUCHERS=200,
// BENCH_WARMUP_SECONDS=2)
// Needs wrk (Debian: apt-get install -y wrk) and k6 (bash scripts/setup-k6.sh); a missing tool is skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { runFleet } from '../simulators/fleet/fleet.ts';
import { openDriver } from '../src/driver/create-driver.ts';
import { type Figure, runK6, runWrk, type ToolRun } from './load-compare/external-tools.ts';
import { activatedVouchers, createTenant } from './redemption/seed.ts';
import { startServerChild } from './redemption/server-child.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const voucherCount = Number(process.env.BENCH_VOUCHERS ?? 200);
const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

const dir = mkdtempSync(join(tmpdir(), 'vcert-load-compare-'));
const pgDir = mkdtempSync(join(tmpdir(), 'vcert-load-compare-pg-'));
const server = await startServerChild(pgDir);
const pool = new Pool(server.url, { connections: 4 });
const tenant = await createTenant(pool);
const vouchers = await activatedVouchers(
  pool,
  tenant,
  `LC${Date.now().toString(36)}`.toUpperCase(),
  voucherCount,
  100_000_000,
);
const body = (n: number) =>
  JSON.stringify({
    amount: { amount: 1, currency: 'EUR' },
    receipt: { number: `B-${n}`, store: 'S-001', register: 'POS-1', channel: 'pos' },
  });

async function runNode(forSeconds = seconds): Promise<Figure> {
  const client = new Pool(server.url, { connections, pipelining: 1 });
  const deadline = performance.now() + forSeconds * 1000;
  const started = performance.now();
  let n = 0;
  let ok = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      n += 1;
      const res = await client.request({
        method: 'POST',
        path: `/vouchers/${vouchers[n % vouchers.length]}/redemptions`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tenant.posKey}`,
          'idempotency-key': `node-${n}`,
        },
        body: body(n),
      });
      await res.body.dump();
      if (res.statusCode === 201) ok += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  await client.close();
  return { tool: 'node (undici loop)', requests: n, rps: n / elapsed, okShare: n ? ok / n : null };
}

/** simulators/fleet, closed loop: one POS terminal per connection, each redeeming 1 minor unit. */
async function runNodeFleet(): Promise<Figure> {
  const driver = await openDriver({
    target: server.url,
    apiKeys: { pos: tenant.posKey, backoffice: tenant.officeKey },
  });
  try {
    const fleet = await runFleet({
      drivers: [driver],
      vouchers,
      currency: 'EUR',
      terminals: connections,
      webshops: 0,
      seed: 1,
      abilities: { holds: false, redeem: true, refund: false },
      mix: { redeem: 1 },
      minAmount: 1,
      maxAmount: 1,
      maxOps: 10_000_000,
      seconds,
      arrival: { kind: 'closed' },
      runId: `fleet-${Date.now().toString(36)}`,
    });
    const elapsed = fleet.elapsedMs / 1000;
    const redeems = fleet.ops.filter((op) => op.op === 'redeem');
    const ok = redeems.filter((op) => op.completion === 'ok').length;
    return {
      tool: 'node (sim. fleet)',
      requests: fleet.ops.length,
      rps: fleet.ops.length / elapsed,
      redeemRps: redeems.length / elapsed,
      okShare: redeems.length ? ok / redeems.length : null,
    };
  } finally {
    await driver.close();
  }
}

try {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; node ${process.version}`);
  console.log(
    `redeem 1 minor unit on ${voucherCount} vouchers, ${connections} connections, ${seconds} s per tool`,
  );
  await runNode(warmup); // JIT and database caches warm before the first tool is measured
  const run: ToolRun = { dir, url: server.url, posKey: tenant.posKey, vouchers, connections, seconds };
  const figures = [runWrk(run), runK6(run), await runNode(), await runNodeFleet()].filter(
    (f): f is Figure => f !== null,
  );
  const base = figures.find((f) => f.tool === 'wrk') ?? figures[0]!;
  const baseRedeem = base.redeemRps ?? base.rps;
  const head = ['requests', 'req/s', 'redeem/s', '201 share', `req ÷ ${base.tool}`, `redeem ÷ ${base.tool}`];
  console.log(`${'tool'.padEnd(20)} ${head.map((h, i) => h.padStart(i < 4 ? 9 : 14)).join(' ')}`);
  for (const f of figures) {
    const redeemRps = f.redeemRps ?? f.rps;
    const cells = [
      String(f.requests),
      f.rps.toFixed(0),
      redeemRps.toFixed(0),
      f.okShare === null ? '-' : `${(f.okShare * 100).toFixed(1)}%`,
      (f.rps / base.rps).toFixed(2),
      (redeemRps / baseRedeem).toFixed(2),
    ];
    console.log(`${f.tool.padEnd(20)} ${cells.map((c, i) => c.padStart(i < 4 ? 9 : 14)).join(' ')}`);
  }
} finally {
  await pool.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(pgDir, { recursive: true, force: true });
}
