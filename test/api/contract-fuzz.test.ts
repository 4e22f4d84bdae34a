import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { RunningServer } from '../../reference-impl/server.ts';
import { fuzzContract } from '../../src/properties/negative/contract-fuzz.ts';
import { startReferenceServer } from '../support/reference-server.ts';

// The small, seeded version of bench/fuzz-contract.bench.ts: a few hundred malformed requests over every
// route (issue 15's classes, the negative-data generators, bad headers, unknown paths, raw bytes), each
// followed by a checksum of the tables this server's data lives in, every tenth by the tenant's reads.

let server: RunningServer;
let pool: pg.Pool;
before(async () => {
  server = await startReferenceServer();
  pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  pool.on('error', () => {});
});
after(async () => {
  await pool.end();
  await server.close();
});

const tables = ['voucher_types', 'templates', 'vouchers', 'holds', 'redemptions', 'refunds', 'ledger'];

test('every route answers malformed requests with a 4xx problem+json and changes nothing', async () => {
  // The fixture tenant's rows, and the tenants a createTestTenant taken as valid would have made.
  const checksum = async (tenantId: string | null) => {
    const { rows } = await pool.query(
      `SELECT ${tables
        .map(
          (t) =>
            `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x WHERE x.tenant_id = $1) AS ${t}`,
        )
        .join(', ')}, (SELECT count(*) FROM tenants WHERE name = 'fuzz') AS tenants`,
      [tenantId],
    );
    return JSON.stringify(rows[0]);
  };
  const figures = await fuzzContract({
    target: server.url,
    runs: 250,
    seed: 20_261_130,
    readEvery: 10,
    extraState: checksum,
  });
  const shown = figures.findings.join('\n');
  assert.equal(figures.requests, 250);
  assert.equal(figures.routes.covered, figures.routes.of, 'every route was drawn');
  assert.equal(figures.serverErrors, 0, shown);
  assert.equal(figures.notProblem, 0, shown);
  assert.equal(figures.accepted, 0, shown);
  assert.equal(figures.noAnswer, 0, shown);
  assert.equal(figures.stateChanges, 0, shown);
});
