import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Completion } from '../../src/driver/completion.ts';
import type { Driver, DriverConfig, Session } from '../../src/driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../../src/driver/operation.ts';
import { routeOf } from '../../src/driver/route-table.ts';
import { seededRandom } from '../fleet/seeded-random.ts';
import { type FaultName, type FaultProfile, faultNames, ratesAt } from './fault-profiles.ts';

/**
 * Network faults injected at the driver seam instead of on the wire, for runs through a vendor adapter
 * (whose protocol the HTTP proxy cannot speak). The same profiles and seeded rates as the proxy:
 * a dropped request never reaches the system and a dropped response is lost after it acted (both
 * complete as `info`), a duplicate is sent twice with one Idempotency-Key, a delay waits first; a
 * reset and an unavailable answer behave as a dropped request does. The wrapped driver is shared:
 * open, setup, teardown and close belong to its owner.
 */
export function faultyDriver(
  inner: Driver,
  profile: FaultProfile,
  seed: number,
): Driver & { counts: Record<string, number> } {
  const random = seededRandom(seed);
  const started = performance.now();
  const counts: Record<string, number> = Object.fromEntries([...faultNames, 'pass'].map((n) => [n, 0]));
  const choose = (): FaultName | 'pass' => {
    const rates = ratesAt(profile, performance.now() - started);
    let roll = random.next();
    for (const name of faultNames) {
      roll -= rates[name] ?? 0;
      if (roll < 0) return name;
    }
    return 'pass';
  };
  const lost = (what: string, key?: string): Completion<never> => ({
    completion: 'info',
    error: `fault injected: ${what}`,
    idempotencyKey: key,
  });

  return {
    name: `${inner.name} with injected faults`,
    counts,
    open: async (_config: DriverConfig) => {},
    capabilities: () => inner.capabilities(),
    emulated: () => inner.emulated(),
    arrange: (state, params) => inner.arrange(state, params),
    setup: async (): Promise<Session> => {
      throw new Error('a faulty driver wraps a driver that is already set up');
    },
    teardown: async () => {},
    close: async () => {},
    async invoke<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
      const fault = choose();
      counts[fault] = (counts[fault] ?? 0) + 1;
      const mutating = routeOf(operation.operationId).mutating;
      const op = mutating
        ? { ...operation, idempotencyKey: operation.idempotencyKey ?? randomUUID() }
        : operation;
      const key = op.idempotencyKey;
      switch (fault) {
        case 'delay':
          await sleep(20 + random.int(130));
          return inner.invoke(op);
        case 'dropRequest':
        case 'reset':
        case 'unavailable':
          return lost(fault, key);
        case 'dropResponse':
          await inner.invoke(op);
          return lost('response dropped after the system acted', key);
        case 'duplicate': {
          const [first] = await Promise.all([inner.invoke(op), inner.invoke(op)]);
          return first;
        }
        default:
          return inner.invoke(op);
      }
    },
  };
}
