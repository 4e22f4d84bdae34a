import type pg from 'pg';

export interface LedgerCheck {
  ok: boolean;
  detail: string;
}

/**
 * After the runs, on the vouchers they used: every redemption took `amount`, the vouchers lost exactly
 * what the redemption rows say, each voucher's ledger sums to its balance, and no fewer redemptions
 * are stored than the load tools counted (a few more may be: answers still in flight when a tool
 * stopped). A benchmark of a broken build measures nothing.
 */
export async function checkLedgers(
  db: pg.Pool,
  ids: string[],
  amount: number,
  counted: number,
): Promise<LedgerCheck> {
  const { rows } = await db.query(
    `SELECT coalesce(sum(v.denomination - v.balance), 0)::bigint AS taken,
       count(*) FILTER (WHERE v.balance <> (SELECT coalesce(sum(l.amount), 0) FROM ledger l
         WHERE l.voucher_id = v.id))::int AS off_ledger,
       (SELECT count(*) FROM redemptions r WHERE r.voucher_id = ANY($1::uuid[]))::int AS redemptions,
       (SELECT coalesce(sum(r.amount), 0) FROM redemptions r WHERE r.voucher_id = ANY($1::uuid[]))::bigint AS redeemed,
       (SELECT count(*) FROM redemptions r WHERE r.voucher_id = ANY($1::uuid[]) AND r.amount <> $2)::int AS odd
     FROM vouchers v WHERE v.id = ANY($1::uuid[])`,
    [ids, amount],
  );
  const r = rows[0];
  const [taken, redeemed] = [Number(r.taken), Number(r.redeemed)];
  const ok = taken === redeemed && r.off_ledger === 0 && r.odd === 0 && r.redemptions >= counted;
  const detail =
    `${r.redemptions} redemptions stored (${counted} counted by the load tools), ${taken} taken from the ` +
    `vouchers, ${redeemed} in redemption rows, ${r.odd} of another amount, ` +
    `${r.off_ledger} vouchers whose ledger does not sum to the balance`;
  return { ok, detail };
}
