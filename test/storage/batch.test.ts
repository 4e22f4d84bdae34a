import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { RunningServer } from '../../reference-impl/server.ts';
import { batching, inline, send } from '../../reference-impl/storage/batch.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let pool: pg.Pool;
before(async () => {
  server = await startReferenceServer();
  pool = new pg.Pool({ connectionString: server.databaseUrl, max: 3 });
  // An idle connection may see PostgreSQL stop at the end; that is no failure of these tests.
  pool.on('error', () => {});
});
after(async () => {
  await pool.end();
  await server.close();
});

const hostile = [
  "it's",
  'back\\slash \\x00 \\',
  "'); DROP TABLE vouchers; --",
  '$1 $2 $$ ; ;',
  'é € 😀 \u2028',
  '"quoted" {"json": true}',
];

test('inline writes each $n once, from the longest number down', () => {
  const values = Array.from({ length: 11 }, (_, i) => i + 1);
  const text = inline(`SELECT ${values.map((n) => `$${n}`).join(', ')}`, values);
  assert.equal(text, `SELECT ${values.map((n) => `'${n}'`).join(', ')}`);
  assert.throws(() => inline('SELECT $2', [1]), /no value for \$2/);
});

test('held-back writes carry any value intact and run before the next query, in order', async () => {
  const connection = await pool.connect();
  try {
    const client = batching(connection);
    await send(client, 'BEGIN');
    await send(
      client,
      'CREATE TEMP TABLE batch_probe (i int, s text, j jsonb, d timestamptz, b boolean) ON COMMIT DROP',
    );
    const at = new Date('2026-02-03T04:05:06.789Z');
    for (const [i, s] of hostile.entries()) {
      await send(client, 'INSERT INTO batch_probe VALUES ($1, $2, $3, $4, $5)', [
        i,
        s,
        { s, n: i },
        at,
        i % 2 === 0,
      ]);
    }
    await send(client, 'UPDATE batch_probe SET i = i + 100 WHERE i = $1', [0]);
    const { rows } = await client.query(
      'SELECT i, s, j, d, b FROM batch_probe WHERE i BETWEEN $1 AND $2 ORDER BY i',
      [1, 99],
    );
    assert.deepEqual(
      rows.map((r) => r.s),
      hostile.slice(1),
    );
    for (const r of rows) {
      assert.deepEqual(r.j, { s: r.s, n: r.i });
      assert.equal(r.d.toISOString(), at.toISOString());
      assert.equal(r.b, r.i % 2 === 0);
    }
    const first = await client.query('SELECT i, s FROM batch_probe WHERE i = 100');
    assert.deepEqual(first.rows, [{ i: 100, s: hostile[0] }]);
    await client.query('COMMIT');
  } finally {
    await connection.query('ROLLBACK').catch(() => {});
    connection.release();
  }
});

test('held-back writes are not seen by others before COMMIT, and COMMIT sends them', async () => {
  const name = `batch-${Date.now()}`;
  await pool.query('CREATE TABLE IF NOT EXISTS batch_seen (name text)');
  const connection = await pool.connect();
  try {
    const client = batching(connection);
    await send(client, 'BEGIN');
    await send(client, 'INSERT INTO batch_seen VALUES ($1)', [name]);
    const seen = async () =>
      (await pool.query('SELECT count(*)::int AS n FROM batch_seen WHERE name = $1', [name])).rows[0].n;
    assert.equal(await seen(), 0);
    await client.query('COMMIT');
    assert.equal(await seen(), 1);
  } finally {
    connection.release();
    await pool.query('DROP TABLE batch_seen');
  }
});

test('a failing held-back write fails the next query; ROLLBACK drops what is left and the connection is clean', async () => {
  const connection = await pool.connect();
  try {
    const client = batching(connection);
    await send(client, 'BEGIN');
    await send(client, 'CREATE TEMP TABLE batch_fail (n int CHECK (n >= 0))');
    await send(client, 'INSERT INTO batch_fail VALUES ($1)', [-1]);
    await assert.rejects(client.query('SELECT 1'), /check constraint/);
    await send(client, 'INSERT INTO batch_fail VALUES ($1)', [1]);
    await client.query('ROLLBACK');
    const { rows } = await client.query("SELECT to_regclass('pg_temp.batch_fail') AS t, 1 AS ok");
    assert.deepEqual(rows, [{ t: null, ok: 1 }]);
  } finally {
    await connection.query('ROLLBACK').catch(() => {});
    connection.release();
  }
});
