import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { advanceClock, type Caller, createTenant, purgeTenant } from '../storage/tenant-rows.ts';

export interface Clock {
  now(): number;
}

/**
 * The test-control surface: tenants on demand, a per-tenant clock, reset. Its routes exist only when the
 * server is started for testing; those of a tenant get the caller its key names (authenticated first).
 */
export function testControl(pool: pg.Pool, clock: Clock, newId: () => string) {
  const tenantClock = (offsetSeconds: number) => ({
    now: new Date(clock.now() + offsetSeconds * 1000).toISOString(),
    offsetSeconds,
  });
  return {
    createTestTenant: async (request: FastifyRequest) => {
      const body = (request.body ?? {}) as { name?: string };
      return createTenant(pool, newId(), body.name ?? 'conformance');
    },
    getTestClock: async (_request: FastifyRequest, caller: Caller) => tenantClock(caller.clockOffsetSeconds),
    advanceTestClock: async (request: FastifyRequest, caller: Caller) => {
      const { advanceSeconds } = request.body as { advanceSeconds: number };
      return tenantClock(await advanceClock(pool, caller.tenantId, advanceSeconds));
    },
    resetTestTenant: async (_request: FastifyRequest, caller: Caller) => {
      await purgeTenant(pool, caller.tenantId);
      return undefined;
    },
  } as Record<string, (request: FastifyRequest, caller: Caller) => Promise<unknown>>;
}
