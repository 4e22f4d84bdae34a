import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Faults } from '../faults.ts';
import { advanceClock, type Caller, createTenant, purgeTenant } from '../storage/tenant-rows.ts';
import { sweepOnce } from '../sweeper.ts';

export interface Clock {
  now(): number;
}

/**
 * The test-control surface: tenants on demand, a per-tenant clock, the hold sweeper run on demand, reset.
 * Its routes exist only when the server is started for testing; those of a tenant get the caller its key
 * names (authenticated first).
 */
export function testControl(pool: pg.Pool, clock: Clock, newId: () => string, faults?: Faults) {
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
    // The background sweeper's own round, for the caller's tenant (under ignoreExpiry it never runs).
    runTestSweep: async (_request: FastifyRequest, caller: Caller) => ({
      expiredHolds: faults?.ignoreExpiry
        ? 0
        : await sweepOnce(pool, clock, { tenantId: caller.tenantId, unlocked: faults?.sweepWithoutLock }),
    }),
    resetTestTenant: async (_request: FastifyRequest, caller: Caller) => {
      await purgeTenant(pool, caller.tenantId);
      return undefined;
    },
  } as Record<string, (request: FastifyRequest, caller: Caller) => Promise<unknown>>;
}
