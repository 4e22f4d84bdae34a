import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type RunningServer, startServer } from '../../reference-impl/server.ts';
import { sweepIdempotencyOnce } from '../../reference-impl/sweeper.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * RD-06 with a retention period (issue 15): a retry within it replays the first answer; after it the
 * sweeper removes the record, oldest first in batches of at most 1,000, and the key may be used again.
 * Time moves by a test clock, never by waiting.
 */
const hour = 60 * 60 * 1000;
const retentionMs = 24 * hour;
let shift = 0;
const clock = { now: () => Date.now() + shift };

let server: RunningServer;
let pool: pg.Pool;
let t: Tenant;
before(async () => {
  // The background sweeper stays out of the way: the test runs the rounds itself.
  server = await startReferenceServer({
    clock,
    sweepIntervalMs: 3_600_000,
    idempotencyRetentionMs: retentionMs,
  });
  t = await newTenant(server.url);
  pool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  pool.on('error', () => {});
});
after(async () => {
  await pool?.end();
  await server?.close();
});

const records = async (prefix = '') =>
  Number(
    (
      await pool.query('SELECT count(*) FROM idempotency WHERE tenant_id = $1 AND key LIKE $2', [
        t.tenantId,
        `${prefix}%`,
      ])
    ).rows[0].count,
  );

/** What the server stores for each answered key, written directly: `count` keys named `prefix-n`. */
async function storeKeys(prefix: string, count: number, age = '0 seconds') {
  await pool.query(
    `INSERT INTO idempotency (tenant_id, key, fingerprint, status, body, created_at)
     SELECT $1, $2 || '-' || n, 'fingerprint', 201, '{}'::jsonb, now() - $4::interval FROM generate_series(1, $3) n`,
    [t.tenantId, prefix, count, age],
  );
}

/** Sweep rounds until one removes nothing (at most 20): the size of every batch removed. */
async function sweepAll(): Promise<number[]> {
  const batches: number[] = [];
  for (let round = 0; round < 20; round++) {
    const removed = await sweepIdempotencyOnce(pool, clock, { retentionMs });
    if (removed.length === 0) break;
    batches.push(...removed);
  }
  return batches;
}

test('within the retention a retry replays; after it 5,000 records go in bounded batches and the key is free', async () => {
  const [v] = await activeVouchers(t, 10_000);
  const key = randomUUID();
  const redeem = (amount: number) =>
    t.pos.post(
      'redeem',
      `/vouchers/${v!.id}/redemptions`,
      { amount: eur(amount), receipt: receipt() },
      { idempotencyKey: key },
    );
  const balance = async () => (await t.pos.get('getLedger', `/vouchers/${v!.id}/ledger`)).body.balance.amount;
  const first = await redeem(500);
  assert.equal(first.status, 201);
  await storeKeys('bulk', 5000);
  const total = await records();

  shift = 23 * hour;
  assert.deepEqual(await sweepAll(), [], 'nothing is removed within the retention');
  assert.equal(await records(), total);
  const retry = await redeem(500);
  assert.equal(retry.status, 201);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  assert.deepEqual(retry.body, first.body);
  assert.equal(await balance(), 9500);

  shift = retentionMs + 60_000;
  const batches = await sweepAll();
  console.log(`removed ${total} records in ${batches.length} batches: ${batches.join(', ')}`);
  assert.equal(
    batches.reduce((a, b) => a + b, 0),
    total,
  );
  assert.ok(
    batches.every((n) => n <= 1000),
    'every batch at most 1,000',
  );
  assert.ok(batches.length >= 5, 'several batches');
  assert.equal(await records(), 0);

  // The key may be used again, even for another request: it is a new operation.
  const again = await redeem(700);
  assert.equal(again.status, 201, JSON.stringify(again.body));
  assert.notEqual(again.headers['idempotent-replayed'], 'true');
  assert.notEqual(again.body.id, first.body.id);
  assert.equal(await balance(), 8800);
  shift = 0;
});

test('the server sweeps expired records by itself, and keeps the young ones', async () => {
  await storeKeys('old', 2500, '25 hours');
  await storeKeys('young', 10, '1 hour');
  // A second server on the same database with a short sweep interval: its sweeper does the work.
  const sweeping = await startServer({
    databaseUrl: server.databaseUrl,
    clock,
    sweepIntervalMs: 20,
    idempotencyRetentionMs: retentionMs,
    logLevel: 'error',
  });
  try {
    for (let poll = 0; poll < 200 && (await records('old-')) > 0; poll++) await sleep(50);
    assert.equal(await records('old-'), 0);
    assert.equal(await records('young-'), 10);
  } finally {
    await sweeping.close();
  }
});
