import type pg from 'pg';

/** The SQL of the reports (RP-01..04), in one place. Expiry is derived with the tenant's clock `now`. */
const effectiveState = `CASE WHEN v.state IN ('prepared', 'activated') AND v.expires_at <= $2 THEN 'expired' ELSE v.state END`;

export async function voucherRows(
  client: pg.ClientBase,
  tenantId: string,
  now: Date,
  state: string | null,
  after: string | null,
  limit: number,
) {
  const { rows } = await client.query(
    `SELECT * FROM (SELECT v.id, v.number, t.code AS type_code, v.denomination, v.balance, v.currency,
       ${effectiveState} AS state FROM vouchers v JOIN voucher_types t ON t.id = v.voucher_type_id
       WHERE v.tenant_id = $1 AND ($4::text IS NULL OR v.number > $4)) x
     WHERE ($3::text IS NULL OR x.state = $3) ORDER BY x.number LIMIT $5`,
    [tenantId, now, state, after, limit],
  );
  return rows;
}

const labels = { day: 'YYYY-MM-DD', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' } as const;
const groups = { store: 'store', register: 'register', legalEntity: 'legal_entity' } as const;

export async function activityRows(
  client: pg.ClientBase,
  tenantId: string,
  period: keyof typeof labels,
  groupBy: keyof typeof groups | null,
  from: Date | null,
  to: Date | null,
) {
  const group = groupBy ? groups[groupBy] : 'NULL';
  const { rows } = await client.query(
    `SELECT to_char(date_trunc('${period}', at AT TIME ZONE 'UTC'), '${labels[period]}') AS period, ${group} AS grp,
       count(*) FILTER (WHERE kind = 'issue')::int AS issued,
       count(*) FILTER (WHERE kind = 'activation')::int AS sold,
       count(*) FILTER (WHERE kind = 'capture')::int AS used,
       count(*) FILTER (WHERE kind = 'payout')::int AS returned
     FROM ledger WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
     GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`,
    [tenantId, from, to],
  );
  return rows;
}

export async function liabilityRows(client: pg.ClientBase, tenantId: string, now: Date) {
  const { rows } = await client.query(
    `SELECT v.currency, sum(v.balance)::bigint AS amount, count(*)::int AS vouchers FROM vouchers v
     WHERE v.tenant_id = $1 AND v.balance > 0 AND ${effectiveState} IN ('activated', 'activating', 'refunding')
     GROUP BY v.currency ORDER BY v.currency`,
    [tenantId, now],
  );
  return rows;
}

export async function useRows(
  client: pg.ClientBase,
  tenantId: string,
  voucherId: string | null,
  store: string | null,
  from: Date | null,
  to: Date | null,
) {
  const { rows } = await client.query(
    `SELECT r.id, r.voucher_id, v.number, r.receipt, r.captured_at, r.amount, r.refunded, v.currency
     FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id
     WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.voucher_id = $2) AND ($3::text IS NULL OR r.receipt->>'store' = $3)
       AND ($4::timestamptz IS NULL OR r.captured_at >= $4) AND ($5::timestamptz IS NULL OR r.captured_at < $5)
     ORDER BY r.captured_at, r.id LIMIT 10000`,
    [tenantId, voucherId, store, from, to],
  );
  return rows;
}
