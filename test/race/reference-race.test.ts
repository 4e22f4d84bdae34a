import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { policies } from '../../spec/capabilities.ts';
import { runRace } from '../../src/race/run-race.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { countBound, longHolds, verdictLine } from './race-support.ts';

/**
 * Races against the reference implementation: every checker must be valid under each fault profile.
 * Each race is bounded by its operation count, not by a time window (a busy machine only makes it slower).
 */
let server: RunningServer;
before(async () => {
  server = await startReferenceServer();
});
after(() => server.close());

const profiles = ['none', 'delay', 'lost-answers', 'duplicates', 'resets', 'unavailable', 'chaos', 'storm'];

describe('races against the reference implementation', () => {
  profiles.forEach((faults, i) => {
    for (const policy of policies) {
      // Every profile under one policy in turn, and every policy under chaos.
      if (faults !== 'chaos' && policies[i % policies.length] !== policy) continue;
      test(`${policy} under ${faults}: every checker valid`, async () => {
        const result = await runRace({
          target: server.url,
          policy,
          faults,
          // The storm is a timeline (faults from 0.3 s to 2.1 s): it needs the time; the others need a count.
          ...(faults === 'storm' ? { seconds: 2.2, ops: 400 } : { ...countBound, ops: 80 }),
          terminals: 4,
          webshops: 1,
          seed: 100 + i,
          funds: 5000,
        });
        assert.equal(result.report.valid, true, verdictLine(result));
        // Every counter runs at least one basket (an operation or more), whatever the time bound.
        const least = faults === 'storm' ? 5 : 80;
        assert.ok(result.history.ops.length >= least, `${result.history.ops.length} operations`);
        if (faults !== 'none' && faults !== 'storm') {
          const injected = Object.entries(result.faultCounts[0] ?? {}).filter(
            ([n, c]) => n !== 'pass' && c > 0,
          );
          assert.ok(injected.length > 0, `faults were injected: ${JSON.stringify(result.faultCounts)}`);
        }
      });
    }
  });

  test('200 terminals fire at one voucher at the same instant (barrier): never overspent', async () => {
    const result = await runRace({
      target: server.url,
      policy: 'balance-guard',
      terminals: 200,
      webshops: 0,
      vouchers: 1,
      funds: 20_000,
      barrier: true,
      mix: { pay: 1 },
      // 600 operations: about one basket each (look-up, hold, capture), however long they take.
      ops: 600,
      ...countBound,
      ...longHolds,
      seed: 200,
    });
    assert.equal(result.report.valid, true, verdictLine(result));
    const holds = result.history.ops.filter((op) => op.op === 'createHold');
    const firsts = new Map<string, (typeof holds)[number]>();
    for (const op of holds) if (!firsts.has(op.client)) firsts.set(op.client, op);
    assert.equal(firsts.size, 200, 'every terminal held');
    const lastStart = Math.max(...[...firsts.values()].map((op) => op.invokedAt));
    const firstEnd = Math.min(...holds.map((op) => op.completedAt));
    assert.ok(lastStart <= firstEnd, 'all 200 first holds were sent before any was answered');
    const captured = result.history.ops.filter((op) => op.op === 'captureHold' && op.completion === 'ok');
    assert.ok(captured.length > 0);
  });
});
