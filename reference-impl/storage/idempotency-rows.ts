import type pg from 'pg';

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'conflict' };

/**
 * Claims an idempotency key inside the caller's transaction. A concurrent request with the same key
 * waits on the primary key until this transaction ends, then sees its stored answer (RD-06).
 */
export async function claimKey(
  client: pg.ClientBase,
  tenantId: string,
  key: string,
  fingerprint: string,
): Promise<Claim> {
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
  if (!row || row.fingerprint !== fingerprint) return { kind: 'conflict' };
  return { kind: 'replay', status: row.status, body: row.body };
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
