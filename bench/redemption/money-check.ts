import type pg from 'pg';

export interface MoneyCheck {
  ok: boolean;
  detail: string;
}

/**
 * After a case: the vouchers lost exactly `amount` per completed redemption, no hold is left open,
 * and each voucher's ledger sums to its balance. A benchmark of a broken build measures nothing.
 */
export async function checkMoney(
  pool: pg.Pool,
  ids: string[],
  startBalance: number,
  amount: number,
  redemptions: number,
): Promise<MoneyCheck> {
  const { rows } = await pool.query(
    `SELECT coalesce(sum(v.balance), 0)::bigint AS balance, coalesce(sum(v.held), 0)::bigint AS held,
       coalesce(sum(v.open_holds), 0)::bigint AS open_holds,
       count(*) FILTER (WHERE v.balance <> (SELECT coalesce(sum(l.amount), 0) FROM ledger l WHERE l.voucher_id = v.id))::int AS off_ledger
     FROM vouchers v WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  const r = rows[0];
  const expected = startBalance * ids.length - amount * redemptions;
  const balance = Number(r.balance);
  const ok = balance === expected && Number(r.held) === 0 && Number(r.open_holds) === 0 && r.off_ledger === 0;
  const detail =
    `balance ${balance} (expected ${expected} after ${redemptions} redemptions), held ${r.held}, ` +
    `open holds ${r.open_holds}, vouchers whose ledger does not sum to the balance: ${r.off_ledger}`;
  return { ok, detail };
}
