import { hash } from 'node:crypto';
import type pg from 'pg';
import { statusOf } from '../../spec/errors.ts';
import { Refusal } from '../domain/refusal.ts';
import { batching, send } from '../storage/batch.ts';
import { type Claim, claimKey, storeAnswer, storedClaim } from '../storage/idempotency-rows.ts';
import { problem } from './problem.ts';

export interface Answer {
  status: number;
  body: unknown;
  replayed?: boolean;
}

const retryable = new Set(['40P01', '40001']);

/**
 * Who is calling, confirmed inside the transaction (known-keys.ts): asked in its first message, then
 * judged: the operation ran with the caller the transaction sees ('same'), with a clock offset that
 * has since moved ('moved': it runs again), or for a key that is gone ('gone': unauthorized).
 */
export type CallerCheck = (client: pg.ClientBase) => Promise<() => Promise<'same' | 'moved' | 'gone'>>;

/** A stable fingerprint of a request: method, path and the body with its keys sorted. */
export function fingerprint(method: string, path: string, body: unknown): string {
  const canonical = JSON.stringify(body ?? null, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
  return hash('sha256', `${method} ${path}\n${canonical}`);
}

/** The answer to a request whose key another request holds: that request's answer, or a conflict. */
function claimAnswer(claim: Exclude<Claim, { kind: 'new' }>): Answer {
  if (claim.kind === 'replay') return { status: claim.status, body: claim.body, replayed: true };
  const body = problem('idempotency_key_reused', 'this Idempotency-Key was used with another request');
  return { status: body.status, body };
}

/**
 * Runs one operation in one transaction. For a mutating operation the idempotency record is claimed
 * first and written with the answer in the same transaction (RD-06); a domain refusal is an answer too.
 * Handlers decide before they write, so a refusal commits nothing but its record. The client batches
 * (storage/batch.ts): BEGIN and the claim go with the operation's first query, the writes with COMMIT.
 * The operation runs before the claim is judged: when the key turns out to be taken, whatever it did
 * is rolled back and the first answer replayed, exactly as if it had not run.
 */
export async function inTransaction(
  pool: pg.Pool,
  idempotency: { tenantId: string; key: string; fingerprint: string } | null,
  successStatus: number,
  run: (client: pg.PoolClient) => Promise<unknown>,
  /** The ackBeforeCommit fault: a success is answered, then its transaction rolled back. */
  discardSuccess = false,
  checkCaller?: CallerCheck,
  /**
   * A read: one snapshot for all its statements (REPEATABLE READ), so that a ledger's balance and its
   * entries, or a report's rows, are of one moment even while payments commit between its statements.
   */
  snapshot = false,
): Promise<Answer> {
  for (let attempt = 1, moves = 0; ; attempt++) {
    const connection = await pool.connect();
    const client = batching(connection);
    try {
      await send(client, snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
      const judgeCaller = checkCaller ? await checkCaller(client) : null;
      // The claim's insert rides with the operation's first query; it is judged before anything commits.
      const claiming = idempotency
        ? await claimKey(client, idempotency.tenantId, idempotency.key, idempotency.fingerprint)
        : null;
      let answer: Answer | null = null;
      let failure: unknown = null;
      try {
        answer = { status: successStatus, body: await run(client) };
      } catch (error) {
        if (error instanceof Refusal)
          answer = {
            status: statusOf(error.code),
            body: problem(error.code, error.message, error.extensions),
          };
        else failure = error;
      }
      if (failure) {
        // The key decides first, as when it was claimed before the operation ran: a key another
        // request holds answers with that request's answer; a new one lets the failure stand.
        await client.query('ROLLBACK');
        const taken =
          idempotency &&
          (await storedClaim(client, idempotency.tenantId, idempotency.key, idempotency.fingerprint));
        if (!taken) throw failure;
        return claimAnswer(taken);
      }
      const caller = judgeCaller ? await judgeCaller() : 'same';
      if (caller !== 'same') {
        await client.query('ROLLBACK');
        if (caller === 'moved') {
          if (++moves > 5) throw new Error("the tenant's clock moved during each of 5 runs");
          attempt -= 1;
          continue;
        }
        const body = problem('unauthorized', 'unknown API key');
        return { status: body.status, body };
      }
      const claim = claiming ? await claiming.claim() : null;
      if (claim && claim.kind !== 'new') {
        await client.query('ROLLBACK');
        return claimAnswer(claim);
      }
      if (!answer) throw new Error('the operation ended without an answer');
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
      connection.release();
    }
  }
}
