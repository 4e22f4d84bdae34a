import type pg from 'pg';
import type { Template, VoucherType } from '../../spec/schemas/voucher.ts';
import type { Row } from './row.ts';

function toType(r: Row): VoucherType {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    currency: r.currency,
    productCode: r.product_code,
    validityDays: r.validity_days,
    reusable: r.reusable,
    topUpAllowed: r.top_up_allowed,
    policy: r.policy,
    holdTtlSeconds: r.hold_ttl_seconds,
  };
}

function toTemplate(r: Row): Template {
  return {
    id: r.id,
    voucherTypeId: r.voucher_type_id,
    code: r.code,
    numberPrefix: r.number_prefix,
    capacity: r.capacity,
    issued: r.issued,
  };
}

/** Inserts a voucher type; false when the tenant already has one with this code. */
export async function insertVoucherType(
  client: pg.ClientBase,
  tenantId: string,
  t: VoucherType,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO voucher_types (id, tenant_id, code, name, currency, product_code, validity_days, reusable,
       top_up_allowed, policy, hold_ttl_seconds) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
     ON CONFLICT (tenant_id, code) DO NOTHING`,
    [
      t.id,
      tenantId,
      t.code,
      t.name,
      t.currency,
      t.productCode,
      t.validityDays,
      t.reusable,
      t.topUpAllowed,
      t.policy,
      t.holdTtlSeconds,
    ],
  );
  return rowCount === 1;
}

export async function readVoucherType(
  client: pg.ClientBase,
  tenantId: string,
  id: string,
): Promise<VoucherType | null> {
  const { rows } = await client.query('SELECT * FROM voucher_types WHERE id = $1 AND tenant_id = $2', [
    id,
    tenantId,
  ]);
  return rows[0] ? toType(rows[0]) : null;
}

export async function insertTemplate(client: pg.ClientBase, tenantId: string, t: Template): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO templates (id, tenant_id, voucher_type_id, code, number_prefix, capacity, issued)
     VALUES ($1,$2,$3,$4,$5,$6,0) ON CONFLICT (tenant_id, code) DO NOTHING`,
    [t.id, tenantId, t.voucherTypeId, t.code, t.numberPrefix, t.capacity],
  );
  return rowCount === 1;
}

export async function readTemplate(
  client: pg.ClientBase,
  tenantId: string,
  id: string,
  lock = false,
): Promise<Template | null> {
  const { rows } = await client.query(
    `SELECT * FROM templates WHERE id = $1 AND tenant_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, tenantId],
  );
  return rows[0] ? toTemplate(rows[0]) : null;
}

export async function addIssued(client: pg.ClientBase, id: string, count: number): Promise<void> {
  await client.query('UPDATE templates SET issued = issued + $2 WHERE id = $1', [id, count]);
}
