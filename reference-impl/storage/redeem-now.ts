import type pg from 'pg';
import type { Receipt } from '../../spec/schemas/receipt.ts';

export interface RedeemNow {
  keyHash: string;
  tenantId: string;
  role: string;
  clockOffsetSeconds: number;
  idempotencyKey: string;
  fingerprint: string;
  voucherId: string;
  amount: number;
  currency: string;
  receipt: Receipt;
  redemptionId: string;
  now: Date;
  status: number;
  /** The answer to store with the key, all but its balanceAfter (which the function adds). */
  answer: unknown;
}

/** The database function's word for "not the common case: let the service decide". */
const notHere = 'VC001';
/** A deadlock or serialization failure: the service's own path retries. */
export const retryable = new Set(['40P01', '40001']);

const text =
  'SELECT redeem_now($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) AS balance_after';

/**
 * The one-step redemption's common case in one statement (migrations/004_redeem_now.sql): the balance
 * after it when it committed, null when nothing was written and the service must decide.
 */
export async function redeemNow(pool: pg.Pool, r: RedeemNow): Promise<number | null> {
  try {
    const { rows } = await pool.query({
      name: 'redeem-now',
      text,
      values: [
        r.keyHash,
        r.tenantId,
        r.role,
        r.clockOffsetSeconds,
        r.idempotencyKey,
        r.fingerprint,
        r.voucherId,
        r.amount,
        r.currency,
        JSON.stringify(r.receipt),
        r.redemptionId,
        r.now,
        r.status,
        JSON.stringify(r.answer),
      ],
    });
    return Number(rows[0].balance_after);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === notHere || (code && retryable.has(code))) return null;
    throw error;
  }
}
