import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Access } from '../../spec/routes/index.ts';
import { refuse } from '../domain/refusal.ts';
import { type Caller, findCaller } from '../storage/tenant-rows.ts';
import type { KnownKeys } from './known-keys.ts';

/** The API key of `Authorization: Bearer <key>`, or unauthorized. */
export function bearerKey(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) refuse('unauthorized', 'an API key is required: Authorization: Bearer <key>');
  return match[1];
}

/**
 * Resolves the caller from `Authorization: Bearer <key>` and checks the route's roles. With `known`,
 * a key already looked up is not asked again (its transaction confirms it: known-keys.ts).
 */
export async function authenticate(
  pool: pg.Pool,
  request: FastifyRequest,
  access: Access,
  known?: KnownKeys,
): Promise<Caller> {
  const key = bearerKey(request);
  let caller = known?.get(key);
  if (!caller) {
    caller = (await findCaller(pool, key)) ?? refuse('unauthorized', 'unknown API key');
    known?.remember(key, caller);
  }
  if (Array.isArray(access) && !access.includes(caller.role)) {
    refuse('forbidden', `a ${caller.role} key may not perform this operation`);
  }
  return caller;
}

const visibleAscii = /^[\x21-\x7e]{1,255}$/;

export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !visibleAscii.test(key)) {
    refuse(
      'idempotency_key_missing',
      'every mutating request needs an Idempotency-Key header (1-255 visible ASCII)',
    );
  }
  return key;
}
