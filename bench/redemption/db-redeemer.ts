import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { fingerprint, inTransaction } from '../../reference-impl/http/transaction.ts';
import type { OpContext } from '../../reference-impl/service/context.ts';
import { captureHold, createHold } from '../../reference-impl/service/redemption.ts';
// For its side effect: bigint columns parsed as numbers, exactly as in the server.
import '../../reference-impl/storage/database.ts';
import { findCaller } from '../../reference-impl/storage/tenant-rows.ts';
import { holdBody, type Redeemer } from './redeemer.ts';

/**
 * The ceiling: the same database work as one HTTP redemption, without HTTP. Calls the reference
 * implementation's own service functions inside its own transaction wrapper, with an idempotency
 * record per step, so every SQL statement is the one the server would send. What it leaves out is
 * exactly the HTTP layer: parsing, schema validation, the API-key lookup, serialisation, sockets.
 * With `apiKey`, each step first looks the key up as the server's authentication does (a diagnostic
 * path that moves the API-key lookup's database cost to the ceiling's side).
 */
export function dbRedeemer(pool: pg.Pool, tenantId: string, amount: number, apiKey?: string): Redeemer {
  const run = async (
    path: string,
    body: unknown,
    status: number,
    work: (ctx: OpContext) => Promise<unknown>,
  ) => {
    if (apiKey && !(await findCaller(pool, apiKey))) throw new Error('the API key was not found');
    const idempotency = { tenantId, key: randomUUID(), fingerprint: fingerprint('POST', path, body) };
    const answer = await inTransaction(pool, idempotency, status, (client) =>
      work({ client, tenantId, now: new Date(), newId: randomUUID }),
    );
    if (answer.status !== status) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { id: string };
  };
  return async (voucherId, receiptNumber) => {
    const input = holdBody(amount, receiptNumber);
    const hold = await run(`/vouchers/${voucherId}/holds`, input, 201, (ctx) =>
      createHold(ctx, voucherId, input),
    );
    await run(`/holds/${hold.id}/capture`, {}, 201, (ctx) => captureHold(ctx, hold.id, {}));
  };
}
