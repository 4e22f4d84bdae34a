import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { advanceClock, createTenant, purgeTenant } from '../storage/tenant-rows.ts';
import { authenticate } from './auth.ts';

export interface Clock {
  now(): number;
}

/** The test-control surface: tenants on demand, a per-tenant clock, reset. Off unless the server is started for testing. */
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
    getTestClock: async (request: FastifyRequest) => {
      const caller = await authenticate(pool, request, 'test-control-tenant');
      return tenantClock(caller.clockOffsetSeconds);
    },
    advanceTestClock: async (request: FastifyRequest) => {
      const caller = await authenticate(pool, request, 'test-control-tenant');
      const { advanceSeconds } = request.body as { advanceSeconds: number };
      return tenantClock(await advanceClock(pool, caller.tenantId, advanceSeconds));
    },
    resetTestTenant: async (request: FastifyRequest) => {
      const caller = await authenticate(pool, request, 'test-control-tenant');
      await purgeTenant(pool, caller.tenantId);
      return undefined;
    },
  } as Record<string, (request: FastifyRequest) => Promise<unknown>>;
}
