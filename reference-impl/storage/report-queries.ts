import type pg from 'pg';
import type { Faults } from '../faults.ts';

/** The SQL of the reports (RP-01..04), in one place. Expiry is derived with the tenant's clock `now`. */
const effectiveState = `CASE WHEN v.state IN ('prepared', 'activated') AND v.expires_at <= $2 THEN 'expired' ELSE v.state END`;

/** The report faults of a defective server (simulators/defective/); none in the correct one. */
type ReportFaults = Pick<Faults, 'reportsIgnorePartialUses' | 'refundsCountedAsReturns'> | undefined;

/** A voucher's balance as the reports see it: with `reportsIgnorePartialUses`, untouched until used up. */
const reportedBalance = (faults: ReportFaults) =>
  faults?.reportsIgnorePartialUses ? 'CASE WHEN v.balance > 0 THEN v.denomination ELSE 0 END' : 'v.balance';

export async function voucherRows(
  client: pg.ClientBase,
  tenantId: string,
  now: Date,
  state: string | null,
  after: string | null,
  limit: number,
  faults?: ReportFaults,
) {
  const { rows } = await client.query(
    `SELECT * FROM (SELECT v.id, v.number, t.code AS type_code, v.denomination, ${reportedBalance(faults)} AS balance, v.currency,
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
  faults?: ReportFaults,
) {
  const group = groupBy ? groups[groupBy] : 'NULL';
  const used = faults?.reportsIgnorePartialUses
    ? "kind = 'capture' AND balance_after = 0"
    : "kind = 'capture'";
  const returned = faults?.refundsCountedAsReturns ? "kind = 'refund'" : "kind = 'payout'";
  const { rows } = await client.query(
    `SELECT to_char(date_trunc('${period}', at AT TIME ZONE 'UTC'), '${labels[period]}') AS period, ${group} AS grp,
       count(*) FILTER (WHERE kind = 'issue')::int AS issued,
       count(*) FILTER (WHERE kind = 'activation')::int AS sold,
       count(*) FILTER (WHERE ${used})::int AS used,
       count(*) FILTER (WHERE ${returned})::int AS returned
     FROM ledger WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
     GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`,
    [tenantId, from, to],
  );
  return rows;
}

/** `voucherType`: only vouchers of the type with this code or id. */
export async function liabilityRows(
  client: pg.ClientBase,
  tenantId: string,
  now: Date,
  voucherType: string | null,
  faults?: ReportFaults,
) {
  const { rows } = await client.query(
    `SELECT v.currency, sum(${reportedBalance(faults)})::bigint AS amount, count(*)::int AS vouchers
     FROM vouchers v JOIN voucher_types t ON t.id = v.voucher_type_id
     WHERE v.tenant_id = $1 AND v.balance > 0 AND ${effectiveState} IN ('activated', 'activating', 'refunding')
       AND ($3::text IS NULL OR t.code = $3 OR t.id::text = $3)
     GROUP BY v.currency ORDER BY v.currency`,
    [tenantId, now, voucherType],
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
  faults?: ReportFaults,
) {
  const fullUsesOnly = faults?.reportsIgnorePartialUses ? 'AND r.balance_after = 0' : '';
  const { rows } = await client.query(
    `SELECT r.id, r.voucher_id, v.number, r.receipt, r.captured_at, r.amount, r.refunded, v.currency
     FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id
     WHERE r.tenant_id = $1 ${fullUsesOnly} AND ($2::uuid IS NULL OR r.voucher_id = $2) AND ($3::text IS NULL OR r.receipt->>'store' = $3)
       AND ($4::timestamptz IS NULL OR r.captured_at >= $4) AND ($5::timestamptz IS NULL OR r.captured_at < $5)
     ORDER BY r.captured_at, r.id LIMIT 10000`,
    [tenantId, voucherId, store, from, to],
  );
  return rows;
}
