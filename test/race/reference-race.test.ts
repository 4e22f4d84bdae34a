import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { policies } from '../../spec/capabilities.ts';
import { runRace } from '../../src/race/run-race.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { verdictLine } from './race-support.ts';

/**
 * Races against the reference implementation: every checker must be valid under each fault profile.
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
          seconds: faults === 'storm' ? 2.2 : 1,
          ops: 400,
          terminals: 4,
          webshops: 1,
          seed: 100 + i,
          funds: 5000,
        });
        assert.equal(result.report.valid, true, verdictLine(result));
        assert.ok(result.history.ops.length > 20, `${result.history.ops.length} operations`);
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
      ops: 600,
      seconds: 1,
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
