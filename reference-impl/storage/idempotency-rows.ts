import type pg from 'pg';

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'conflict' };

/**
 * Claims an idempotency key inside the caller's transaction. A concurrent request with the same key
 * waits on the primary key until this transaction ends, then sees its stored answer (RD-06).
 * A record the sweeper removes between the insert and the read (its retention just ended) is claimed
 * anew on the second pass, never mistaken for another request's key.
 */
export async function claimKey(
  client: pg.ClientBase,
  tenantId: string,
  key: string,
  fingerprint: string,
): Promise<Claim> {
  for (let attempt = 0; ; attempt++) {
    const inserted = await client.query(
      `INSERT INTO idempotency (tenant_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [tenantId, key, fingerprint],
    );
    if (inserted.rowCount === 1) return { kind: 'new' };
    const { rows } = await client.query(
      'SELECT fingerprint, status, body FROM idempotency WHERE tenant_id = $1 AND key = $2',
      [tenantId, key],
    );
    const row = rows[0];
    if (!row && attempt === 0) continue;
    if (!row || row.fingerprint !== fingerprint) return { kind: 'conflict' };
    return { kind: 'replay', status: row.status, body: row.body };
  }
}

export async function storeAnswer(
  client: pg.ClientBase,
  tenantId: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await client.query('UPDATE idempotency SET status = $3, body = $4 WHERE tenant_id = $1 AND key = $2', [
    tenantId,
    key,
    status,
    body === undefined ? null : JSON.stringify(body),
  ]);
}

/**
 * Removes at most `limit` idempotency records created before `before`, oldest first, in one short
 * statement; returns how many. Rows another transaction holds are skipped (the next round takes them).
 */
export async function deleteKeysCreatedBefore(pool: pg.Pool, before: Date, limit: number): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM idempotency WHERE (tenant_id, key) IN (
       SELECT tenant_id, key FROM idempotency WHERE created_at < $1
       ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    [before, limit],
  );
  return rowCount ?? 0;
}
