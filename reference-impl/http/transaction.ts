import { createHash } from 'node:crypto';
import type pg from 'pg';
import { statusOf } from '../../spec/errors.ts';
import { Refusal } from '../domain/refusal.ts';
import { claimKey, storeAnswer } from '../storage/idempotency-rows.ts';
import { problem } from './problem.ts';

export interface Answer {
  status: number;
  body: unknown;
  replayed?: boolean;
}

const retryable = new Set(['40P01', '40001']);

/** A stable fingerprint of a request: method, path and the body with its keys sorted. */
export function fingerprint(method: string, path: string, body: unknown): string {
  const canonical = JSON.stringify(body ?? null, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
  return createHash('sha256').update(`${method} ${path}\n${canonical}`).digest('hex');
}

/**
 * Runs one operation in one transaction. For a mutating operation the idempotency record is claimed
 * first and written with the answer in the same transaction (RD-06); a domain refusal is an answer too.
 * Handlers decide before they write, so a refusal commits nothing but its record.
 */
export async function inTransaction(
  pool: pg.Pool,
  idempotency: { tenantId: string; key: string; fingerprint: string } | null,
  successStatus: number,
  run: (client: pg.PoolClient) => Promise<unknown>,
  /** The ackBeforeCommit fault: a success is answered, then its transaction rolled back. */
  discardSuccess = false,
): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (idempotency) {
        const claim = await claimKey(client, idempotency.tenantId, idempotency.key, idempotency.fingerprint);
        if (claim.kind !== 'new') {
          await client.query('ROLLBACK');
          if (claim.kind === 'replay') return { status: claim.status, body: claim.body, replayed: true };
          const body = problem(
            'idempotency_key_reused',
            'this Idempotency-Key was used with another request',
          );
          return { status: body.status, body };
        }
      }
      let answer: Answer;
      try {
        answer = { status: successStatus, body: await run(client) };
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        answer = { status: statusOf(error.code), body: problem(error.code, error.message, error.extensions) };
      }
      if (idempotency)
        await storeAnswer(client, idempotency.tenantId, idempotency.key, answer.status, answer.body);
      await client.query(discardSuccess && answer.status < 400 ? 'ROLLBACK' : 'COMMIT');
      return answer;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (error as { code?: string }).code;
      if (code && retryable.has(code) && attempt < 3) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}
