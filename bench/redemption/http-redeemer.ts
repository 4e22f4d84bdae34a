import type { Pool } from 'undici';
import { postOk } from './json-client.ts';
import { holdBody, type Redeemer } from './redeemer.ts';

/**
 * Redeems through the HTTP API as a POS terminal would: `POST /vouchers/{id}/holds`, then
 * `POST /holds/{id}/capture {}`, each with its own Idempotency-Key, on a keep-alive undici Pool.
 */
export function httpRedeemer(pool: Pool, posKey: string, amount: number): Redeemer {
  return async (voucherId, receiptNumber) => {
    const hold = await postOk(
      pool,
      `/vouchers/${voucherId}/holds`,
      posKey,
      holdBody(amount, receiptNumber),
      201,
    );
    await postOk(pool, `/holds/${hold.id}/capture`, posKey, {}, 201);
  };
}
