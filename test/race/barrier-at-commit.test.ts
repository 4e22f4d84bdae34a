import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runFleet } from '../../simulators/fleet/fleet.ts';
import type { Completion } from '../../src/driver/completion.ts';
import type { Driver, PreparedCall } from '../../src/driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../../src/driver/operation.ts';

/**
 * A driver whose redemption is several requests (an adapter's prepare/commit): it notes when each
 * counter prepares and when it commits, and answers every commit at once.
 */
function splitDriver(events: string[]): Driver {
  let redemptions = 0;
  const answer = (operation: { operationId: string }): Completion =>
    operation.operationId === 'redeem'
      ? {
          completion: 'ok',
          status: 201,
          body: { id: `r${++redemptions}`, voucherId: 'v1', amount: { amount: 100, currency: 'EUR' } },
        }
      : {
          completion: 'ok',
          status: 200,
          body: { voucherId: 'v1', balance: { amount: 10_000, currency: 'EUR' } },
        };
  return {
    name: 'split',
    open: async () => {},
    capabilities: async () => ['balance-guard', 'one-step-redeem'],
    emulated: async () => [],
    setup: async () => ({ tenantId: null, keys: {}, isolated: false }),
    arrange: async () => {
      throw new Error('not used');
    },
    invoke: async <Id extends OperationId>(operation: Operation<Id>) =>
      answer(operation) as Completion<ResultOf<Id>>,
    async prepare<Id extends OperationId>(operation: Operation<Id>): Promise<PreparedCall<ResultOf<Id>>> {
      const client = String((operation.body as { receipt: { register: string } }).receipt.register);
      // Some counters take longer to prepare (more requests, a slower link): one hop more per counter.
      const hops = Number(/\d+/.exec(client)?.[0] ?? 1) + (client.startsWith('WEB') ? 6 : 0);
      for (let hop = 0; hop < hops; hop++) await new Promise((resolve) => setImmediate(resolve));
      events.push(`prepare ${client}`);
      return {
        commit: async () => {
          events.push(`commit ${client}`);
          return answer(operation) as Completion<ResultOf<Id>>;
        },
      };
    },
    teardown: async () => {},
    close: async () => {},
  };
}

describe('the race barrier lines up the money request', () => {
  it('with a barrier, every counter prepares its redemption before any commits (not the whole call)', async () => {
    const events: string[] = [];
    const driver = splitDriver(events);
    await runFleet({
      drivers: [driver],
      vouchers: ['v1'],
      currency: 'EUR',
      terminals: 6,
      webshops: 2,
      seed: 3,
      abilities: { holds: false, redeem: true, refund: false },
      maxOps: 16,
      seconds: 5,
      barrier: true,
      mix: { redeem: 1 },
    });
    const firstCommits = events.filter((e) => e.startsWith('commit')).slice(0, 8);
    const prepares = events.filter((e) => e.startsWith('prepare'));
    assert.ok(prepares.length >= 8, events.join(', '));
    const lastFirstPrepare = events.indexOf(prepares[7] as string);
    const firstCommit = events.indexOf(firstCommits[0] as string);
    assert.ok(
      lastFirstPrepare < firstCommit,
      `a commit went before every counter had prepared: ${events.join(', ')}`,
    );
  });
});
