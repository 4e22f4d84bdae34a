import assert from 'node:assert/strict';
import { test } from 'node:test';
import { faultyDriver } from '../../simulators/faults/faulty-driver.ts';
import type { Completion } from '../../src/driver/completion.ts';
import type { Driver } from '../../src/driver/driver.ts';

/** A driver that counts what reaches the system and which idempotency keys it saw. */
function recordingDriver() {
  const seen: Array<string | undefined> = [];
  const driver = {
    name: 'recording',
    open: async () => {},
    capabilities: async () => [],
    setup: async () => ({ tenantId: null, keys: {}, isolated: false }),
    teardown: async () => {},
    close: async () => {},
    invoke: async (op: { idempotencyKey?: string }): Promise<Completion> => {
      seen.push(op.idempotencyKey);
      return { completion: 'ok', status: 201, body: {}, idempotencyKey: op.idempotencyKey };
    },
  } as unknown as Driver;
  return { driver, seen };
}

const redeem = {
  operationId: 'redeem' as const,
  params: { id: '00000000-0000-4000-8000-000000000000' },
  body: {
    amount: { amount: 100, currency: 'EUR' },
    receipt: { number: 'R', store: 'S', register: 'P', channel: 'pos' },
  },
};

test('a dropped response reaches the system, yet completes as info with its key', async () => {
  const { driver, seen } = recordingDriver();
  const faulty = faultyDriver(driver, { rates: { dropResponse: 1 } }, 1);
  const c = await faulty.invoke(redeem);
  assert.equal(c.completion, 'info');
  assert.equal(seen.length, 1);
  assert.equal(c.idempotencyKey, seen[0]);
});

test('a dropped request never reaches the system', async () => {
  const { driver, seen } = recordingDriver();
  const c = await faultyDriver(driver, { rates: { dropRequest: 1 } }, 1).invoke(redeem);
  assert.equal(c.completion, 'info');
  assert.equal(seen.length, 0);
});

test('a duplicate is sent twice with one idempotency key', async () => {
  const { driver, seen } = recordingDriver();
  const c = await faultyDriver(driver, { rates: { duplicate: 1 } }, 1).invoke(redeem);
  assert.equal(c.completion, 'ok');
  assert.equal(seen.length, 2);
  assert.ok(seen[0]);
  assert.equal(seen[0], seen[1]);
});

test('the same seed injects the same faults', async () => {
  const run = async () => {
    const { driver } = recordingDriver();
    const faulty = faultyDriver(driver, { rates: { dropRequest: 0.3, duplicate: 0.3 } }, 42);
    for (let i = 0; i < 50; i++) await faulty.invoke(redeem);
    return faulty.counts;
  };
  assert.deepEqual(await run(), await run());
});
