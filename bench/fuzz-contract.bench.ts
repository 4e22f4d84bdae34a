// Nightly-sized contract fuzz against the bundled reference implementation, started in this process:
// 10,000 malformed requests drawn with fast-check over every route (the negative-data property's bodies,
// issue 15's hostile paths, queries and methods, bad headers, unknown paths, bytes Node's parser refuses),
// each followed by a checksum of every table, and every tenth by a read of the fixture tenant's vouchers,
// ledgers, hold, payment, template, tender configuration, voucher list and clock through the contract.
// Prints the figures; 5xx, non-problem 4xx, accepted, unanswered and state changes should all be 0.
// Run: node bench/fuzz-contract.bench.ts [--runs N] [--seed N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '../reference-impl/server.ts';
import { fuzzContract } from '../src/properties/negative/contract-fuzz.ts';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = option('--runs', 10_000);
const seed = option('--seed', Date.now() % 1_000_000);

const tables = [
  'tenants',
  'api_keys',
  'voucher_types',
  'templates',
  'vouchers',
  'holds',
  'redemptions',
  'refunds',
  'ledger',
  'tender_configs',
];
const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vcert-fuzz-'));
const server = await startServer({
  testControl: true,
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  logLevel: 'error',
});
const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
pool.on('error', () => {});
const rows = async () =>
  JSON.stringify(
    (await pool.query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`))
      .rows[0],
  );
let atDatabase = 0;
console.log(`contract fuzz: ${runs} requests, seed ${seed}, target ${server.url}`);
const t0 = performance.now();
try {
  const figures = await fuzzContract({
    target: server.url,
    runs,
    seed,
    extraState: rows,
    readEvery: 10,
    onAnswer: (answer) => {
      if (
        (answer.body as { detail?: unknown } | undefined)?.detail ===
        'a value of the request cannot be stored'
      )
        atDatabase += 1;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const statuses = Object.entries(figures.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  console.log(`requests                     ${figures.requests}`);
  console.log(`routes covered               ${figures.routes.covered} of ${figures.routes.of}`);
  console.log(`5xx                          ${figures.serverErrors}`);
  console.log(`4xx not problem+json/catalog ${figures.notProblem}`);
  console.log(`accepted (1xx-3xx)           ${figures.accepted}`);
  console.log(`no answer                    ${figures.noAnswer}`);
  console.log(`state changes                ${figures.stateChanges}`);
  console.log(`refused at the database      ${atDatabase} (a validation gap each)`);
  console.log(`by status                    ${statuses}`);
  console.log(
    `seconds                      ${seconds.toFixed(1)} (${(figures.requests / seconds).toFixed(0)} requests/s, each with its state reads)`,
  );
  for (const finding of figures.findings) console.log(`  ${finding}`);
  const clean =
    figures.serverErrors + figures.notProblem + figures.accepted + figures.noAnswer + figures.stateChanges ===
    0;
  process.exitCode = clean ? 0 : 1;
} finally {
  await pool.end();
  await server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
