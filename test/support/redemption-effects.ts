import type pg from 'pg';

/**
 * What redemptions left on a voucher since its ledger sequence was `seqBefore`: its row, the ledger
 * entries and redemption rows they wrote, and what is stored under each of `keys` (tenant's keys).
 */
export async function effects(db: pg.Pool, tenantId: string, id: string, seqBefore: number, keys: string[]) {
  const voucher = (
    await db.query(
      `SELECT balance, held, open_holds, state, used, ledger_seq - $2::int AS seq_moved, activated_at, expires_at
       FROM vouchers WHERE id = $1`,
      [id, seqBefore],
    )
  ).rows[0];
  const ledger = (
    await db.query(
      `SELECT seq - $2::int AS seq, kind, amount, balance_after, currency, at, receipt, store, register,
         legal_entity, operation_id IS NOT NULL AS has_operation FROM ledger WHERE voucher_id = $1 AND seq > $2
       ORDER BY seq`,
      [id, seqBefore],
    )
  ).rows;
  const redemptions = (
    await db.query(
      `SELECT r.amount, r.refunded, r.receipt, r.captured_at, r.balance_after, r.hold_id, r.remainder_voucher_id
       FROM redemptions r JOIN ledger l ON l.operation_id = r.id AND l.voucher_id = $1 AND l.seq > $2
       WHERE r.voucher_id = $1 ORDER BY l.seq`,
      [id, seqBefore],
    )
  ).rows;
  const stored = [];
  for (const key of keys)
    stored.push(
      (
        await db.query(
          'SELECT fingerprint, status, body FROM idempotency WHERE tenant_id = $1 AND key = $2',
          [tenantId, key],
        )
      ).rows,
    );
  return { voucher, ledger, redemptions, stored };
}

/** A voucher's ledger sequence now. */
export const seqOf = async (db: pg.Pool, id: string) =>
  Number((await db.query('SELECT ledger_seq FROM vouchers WHERE id = $1', [id])).rows[0].ledger_seq);

/**
 * The vouchers' ids replaced by their names and every `id` property by one word, so that the answers
 * and rows of two vouchers (or two sets) put through the same redemptions compare.
 */
export const alike = (value: unknown, names: Record<string, string>) => {
  let text = JSON.stringify(value ?? null);
  for (const [id, name] of Object.entries(names)) text = text.replaceAll(id, name);
  return JSON.parse(text, (k, v) => (k === 'id' ? 'REDEMPTION' : v));
};
