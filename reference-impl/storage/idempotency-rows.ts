import type pg from 'pg';
import { later, send } from './batch.ts';

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'conflict' };

const insertKey =
  'INSERT INTO idempotency (tenant_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING';

/**
 * Claims an idempotency key inside the caller's transaction. A concurrent request with the same key
 * waits on the primary key until this transaction ends, then sees its stored answer (RD-06).
 * A record the sweeper removes between the insert and the read (its retention just ended) is claimed
 * anew on the second pass, never mistaken for another request's key.
 * On a batching client the insert is held back and rides with the transaction's next query (its first
 * read): `claim()` then reads what it found, so the caller must not commit anything before asking.
 */
export async function claimKey(
  client: pg.ClientBase,
  tenantId: string,
  key: string,
  fingerprint: string,
): Promise<{ claim(): Promise<Claim> }> {
  const first = await later(client, insertKey, [tenantId, key, fingerprint]);
  return {
    async claim() {
      let inserted = await first.result();
      for (let attempt = 0; ; attempt++) {
        if (inserted.rowCount === 1) return { kind: 'new' };
        const found = await storedClaim(client, tenantId, key, fingerprint);
        if (!found && attempt === 0) {
          inserted = await client.query(insertKey, [tenantId, key, fingerprint]);
          continue;
        }
        return found ?? { kind: 'conflict' };
      }
    },
  };
}

/** What a claim of a key already stored finds: the answer to replay, or a conflict (another request's key). */
export async function storedClaim(
  client: pg.Pool | pg.ClientBase,
  tenantId: string,
  key: string,
  fingerprint: string,
): Promise<Exclude<Claim, { kind: 'new' }> | null> {
  const { rows } = await client.query(
    'SELECT fingerprint, status, body FROM idempotency WHERE tenant_id = $1 AND key = $2',
    [tenantId, key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.fingerprint !== fingerprint) return { kind: 'conflict' };
  return { kind: 'replay', status: row.status, body: row.body };
}

export async function storeAnswer(
  client: pg.ClientBase,
  tenantId: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await send(client, 'UPDATE idempotency SET status = $3, body = $4 WHERE tenant_id = $1 AND key = $2', [
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
