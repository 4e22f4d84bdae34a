import type pg from 'pg';
import type { VoucherRecord } from '../domain/voucher.ts';
import { send } from './batch.ts';
import type { Row } from './row.ts';

/** A voucher as stored: the domain record plus the ledger's last sequence number. */
export interface StoredVoucher extends VoucherRecord {
  ledgerSeq: number;
}

const columns = `v.id, v.tenant_id, v.voucher_type_id, v.template_id, v.number, v.barcode, v.magstripe, v.qr,
  v.currency, v.denomination, v.balance, v.held, v.open_holds, v.state, v.used, v.ledger_seq, v.issued_at,
  v.activated_at, v.expires_at, v.remainder_of, t.product_code, t.policy, t.reusable, t.top_up_allowed,
  t.hold_ttl_seconds`;
const from = 'FROM vouchers v JOIN voucher_types t ON t.id = v.voucher_type_id';

function toVoucher(r: Row): StoredVoucher {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    voucherTypeId: r.voucher_type_id,
    templateId: r.template_id,
    number: r.number,
    barcode: r.barcode,
    magstripe: r.magstripe,
    qr: r.qr,
    currency: r.currency,
    productCode: r.product_code,
    policy: r.policy,
    reusable: r.reusable,
    topUpAllowed: r.top_up_allowed,
    holdTtlSeconds: r.hold_ttl_seconds,
    denomination: r.denomination,
    balance: r.balance,
    held: r.held,
    openHolds: r.open_holds,
    state: r.state,
    used: r.used,
    ledgerSeq: r.ledger_seq,
    issuedAt: r.issued_at,
    activatedAt: r.activated_at,
    expiresAt: r.expires_at,
    remainderOf: r.remainder_of,
  };
}

/** Reads a voucher of the tenant; `lock` takes its row lock for the rest of the transaction. */
export async function readVoucher(
  client: pg.ClientBase,
  tenantId: string,
  id: string,
  lock = false,
): Promise<StoredVoucher | null> {
  const sql = `SELECT ${columns} ${from} WHERE v.id = $1 AND v.tenant_id = $2${lock ? ' FOR UPDATE OF v' : ''}`;
  const { rows } = await client.query(sql, [id, tenantId]);
  return rows[0] ? toVoucher(rows[0]) : null;
}

/** Locks the voucher's row and reads its ledger sequence alone (the skipRowLock fault's late lock). */
export async function lockLedgerSeq(client: pg.ClientBase, id: string): Promise<number> {
  const { rows } = await client.query('SELECT ledger_seq FROM vouchers WHERE id = $1 FOR UPDATE', [id]);
  return rows[0].ledger_seq;
}

const identifierColumns = { number: 'number', barcode: 'barcode', magstripe: 'magstripe', qr: 'qr' } as const;

export async function findVoucherBy(
  client: pg.ClientBase,
  tenantId: string,
  kind: keyof typeof identifierColumns,
  value: string,
): Promise<StoredVoucher | null> {
  const sql = `SELECT ${columns} ${from} WHERE v.tenant_id = $1 AND v.${identifierColumns[kind]} = $2`;
  const { rows } = await client.query(sql, [tenantId, value]);
  return rows[0] ? toVoucher(rows[0]) : null;
}

/** Writes back the mutable fields of a locked voucher. */
export async function saveVoucher(client: pg.ClientBase, v: StoredVoucher): Promise<void> {
  await send(
    client,
    `UPDATE vouchers SET balance = $2, held = $3, open_holds = $4, state = $5, used = $6, ledger_seq = $7,
       activated_at = $8, expires_at = $9 WHERE id = $1`,
    [v.id, v.balance, v.held, v.openHolds, v.state, v.used, v.ledgerSeq, v.activatedAt, v.expiresAt],
  );
}

export async function insertVoucher(client: pg.ClientBase, v: StoredVoucher): Promise<void> {
  await send(
    client,
    `INSERT INTO vouchers (id, tenant_id, voucher_type_id, template_id, number, barcode, magstripe, qr, currency,
       denomination, balance, state, ledger_seq, issued_at, activated_at, expires_at, remainder_of, used)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
    [
      v.id,
      v.tenantId,
      v.voucherTypeId,
      v.templateId,
      v.number,
      v.barcode,
      v.magstripe,
      v.qr,
      v.currency,
      v.denomination,
      v.balance,
      v.state,
      v.ledgerSeq,
      v.issuedAt,
      v.activatedAt,
      v.expiresAt,
      v.remainderOf,
      v.used,
    ],
  );
}
