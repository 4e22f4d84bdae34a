import { hash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../spec/capabilities.ts';
import type { Row } from './row.ts';

export interface Caller {
  tenantId: string;
  role: Role;
  clockOffsetSeconds: number;
}

export function hashKey(key: string): string {
  return hash('sha256', key);
}

/** The query that finds the tenant and role of an API key (only its hash is stored), and its reading. */
export function callerLookup(key: string) {
  return {
    text: `SELECT k.tenant_id, k.role, t.clock_offset_seconds FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
     WHERE k.key_hash = $1`,
    values: [hashKey(key)],
    caller(rows: Row[]): Caller | null {
      const r = rows[0];
      return r ? { tenantId: r.tenant_id, role: r.role, clockOffsetSeconds: r.clock_offset_seconds } : null;
    },
  };
}

/** Finds the tenant and role of an API key. */
export async function findCaller(client: pg.Pool | pg.ClientBase, key: string): Promise<Caller | null> {
  const lookup = callerLookup(key);
  // Named: each connection plans it once.
  const { rows } = await client.query({ name: 'find-caller', text: lookup.text, values: lookup.values });
  return lookup.caller(rows);
}

/** Creates a tenant with one fresh key per role; returns the keys in clear, once. */
export async function createTenant(client: pg.Pool | pg.ClientBase, id: string, name: string) {
  await client.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [id, name]);
  const keys = { pos: '', webshop: '', backoffice: '' };
  for (const role of ['pos', 'webshop', 'backoffice'] as const) {
    keys[role] = `vk_${role}_${randomBytes(18).toString('base64url')}`;
    await client.query('INSERT INTO api_keys (key_hash, tenant_id, role) VALUES ($1, $2, $3)', [
      hashKey(keys[role]),
      id,
      role,
    ]);
  }
  return { tenantId: id, keys };
}

export async function advanceClock(client: pg.Pool, tenantId: string, seconds: number): Promise<number> {
  const { rows } = await client.query(
    'UPDATE tenants SET clock_offset_seconds = clock_offset_seconds + $2 WHERE id = $1 RETURNING clock_offset_seconds',
    [tenantId, seconds],
  );
  return rows[0].clock_offset_seconds;
}

/** Deletes every voucher, type and record of the tenant; keys and clock stay. */
export async function purgeTenant(pool: pg.Pool, tenantId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL vcert.purge = 'on'");
    for (const table of [
      'tender_configs',
      'idempotency',
      'refunds',
      'ledger',
      'redemptions',
      'holds',
      'vouchers',
      'templates',
      'voucher_types',
    ]) {
      await client.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    }
    await client.query('UPDATE tenants SET clock_offset_seconds = 0 WHERE id = $1', [tenantId]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
