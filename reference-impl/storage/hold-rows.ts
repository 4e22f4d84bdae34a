import type pg from 'pg';
import type { HoldRecord } from '../domain/redemption.ts';
import { send } from './batch.ts';
import type { Row } from './row.ts';
import type { StoredVoucher } from './voucher-rows.ts';

function toHold(r: Row): HoldRecord {
  return {
    id: r.id,
    voucherId: r.voucher_id,
    amount: r.amount,
    reserves: r.reserves,
    status: r.status,
    receipt: r.receipt,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    redemptionId: r.redemption_id,
  };
}

export async function readHold(
  client: pg.ClientBase,
  tenantId: string,
  id: string,
): Promise<HoldRecord | null> {
  const { rows } = await client.query('SELECT * FROM holds WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
  return rows[0] ? toHold(rows[0]) : null;
}

export async function insertHold(client: pg.ClientBase, tenantId: string, h: HoldRecord): Promise<void> {
  await send(
    client,
    `INSERT INTO holds (id, tenant_id, voucher_id, amount, reserves, status, receipt, created_at, expires_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [h.id, tenantId, h.voucherId, h.amount, h.reserves, h.status, h.receipt, h.createdAt, h.expiresAt],
  );
}

export async function closeHold(
  client: pg.ClientBase,
  h: HoldRecord,
  status: HoldRecord['status'],
  redemptionId: string | null,
): Promise<void> {
  await send(client, 'UPDATE holds SET status = $2, redemption_id = $3 WHERE id = $1', [
    h.id,
    status,
    redemptionId,
  ]);
  h.status = status;
  h.redemptionId = redemptionId;
}

/**
 * RD-04: marks the locked voucher's holds past their time-to-live as expired and gives back what they
 * reserved. Runs inside every transaction that locks a voucher, and from the background sweeper.
 */
export async function expireDueHolds(client: pg.ClientBase, v: StoredVoucher, now: Date): Promise<number> {
  if (v.openHolds === 0) return 0;
  const { rows } = await client.query(
    `UPDATE holds SET status = 'expired' WHERE voucher_id = $1 AND status = 'open' AND expires_at <= $2
     RETURNING amount, reserves`,
    [v.id, now],
  );
  for (const r of rows) {
    v.openHolds -= 1;
    if (r.reserves) v.held -= r.amount;
  }
  return rows.length;
}

/** Open holds of a voucher still within their time-to-live, and what they reserve. */
export async function liveHolds(client: pg.ClientBase, voucherId: string, now: Date) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS open_holds, coalesce(sum(amount) FILTER (WHERE reserves), 0)::bigint AS held
     FROM holds WHERE voucher_id = $1 AND status = 'open' AND expires_at > $2`,
    [voucherId, now],
  );
  return { openHolds: rows[0].open_holds as number, held: rows[0].held as number };
}
