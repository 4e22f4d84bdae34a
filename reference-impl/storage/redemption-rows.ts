import type pg from 'pg';
import type { Receipt } from '../../spec/schemas/receipt.ts';
import { send } from './batch.ts';
import type { Row } from './row.ts';

export interface StoredRedemption {
  id: string;
  tenantId: string;
  voucherId: string;
  holdId: string | null;
  amount: number;
  refunded: number;
  receipt: Receipt;
  capturedAt: Date;
  balanceAfter: number;
  remainderVoucherId: string | null;
}

function toRedemption(r: Row): StoredRedemption {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    voucherId: r.voucher_id,
    holdId: r.hold_id,
    amount: r.amount,
    refunded: r.refunded,
    receipt: r.receipt,
    capturedAt: r.captured_at,
    balanceAfter: r.balance_after,
    remainderVoucherId: r.remainder_voucher_id,
  };
}

export async function readRedemption(
  client: pg.ClientBase,
  tenantId: string,
  id: string,
  lock = false,
): Promise<StoredRedemption | null> {
  const { rows } = await client.query(
    `SELECT * FROM redemptions WHERE id = $1 AND tenant_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, tenantId],
  );
  return rows[0] ? toRedemption(rows[0]) : null;
}

export async function insertRedemption(client: pg.ClientBase, r: StoredRedemption): Promise<void> {
  await send(
    client,
    `INSERT INTO redemptions (id, tenant_id, voucher_id, hold_id, amount, refunded, receipt, captured_at,
       balance_after, remainder_voucher_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      r.id,
      r.tenantId,
      r.voucherId,
      r.holdId,
      r.amount,
      r.refunded,
      r.receipt,
      r.capturedAt,
      r.balanceAfter,
      r.remainderVoucherId,
    ],
  );
}

export async function addRefunded(client: pg.ClientBase, id: string, amount: number): Promise<void> {
  await send(client, 'UPDATE redemptions SET refunded = refunded + $2 WHERE id = $1', [id, amount]);
}

export async function insertRefund(
  client: pg.ClientBase,
  row: {
    id: string;
    tenantId: string;
    redemptionId: string;
    voucherId: string;
    amount: number;
    refundedTotal: number;
    balanceAfter: number;
    createdAt: Date;
    receipt: Receipt;
  },
): Promise<void> {
  await send(
    client,
    `INSERT INTO refunds (id, tenant_id, redemption_id, voucher_id, amount, refunded_total, balance_after,
       created_at, receipt) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      row.id,
      row.tenantId,
      row.redemptionId,
      row.voucherId,
      row.amount,
      row.refundedTotal,
      row.balanceAfter,
      row.createdAt,
      row.receipt,
    ],
  );
}
