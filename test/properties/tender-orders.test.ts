import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { RunningServer } from '../../reference-impl/server.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { runProperties } from '../../src/properties/run-properties.ts';
import { permutations } from '../../src/properties/tenders/permutations.ts';
import { tenderOrderCase } from '../../src/properties/tenders/tender-orders.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { startFirstTenderProxy } from './first-tender-proxy.ts';
import type { Proxy as RunningProxy } from './lines-refusing-proxy.ts';

// Fixed seeds and counts: the same cases every time.
const budget = { runs: 25, seed: 20_261_201 };

describe('tender-orders: several tenders on one receipt, in every order (issue 16)', () => {
  test('permutations: every order once, the given one first', () => {
    const all = permutations(['A', 'B', 'C']).map((p) => p.join(''));
    assert.deepEqual(all, ['ABC', 'ACB', 'BAC', 'BCA', 'CAB', 'CBA']);
    assert.equal(permutations([1, 2, 3, 4]).length, 24);
    assert.deepEqual(permutations([]), [[]]);
  });

  test('the cases put an exclusive tender after another one on the receipt, and originals in several orders', () => {
    const cases = fc.sample(tenderOrderCase, { numRuns: 200, seed: 1 });
    const exclusiveLater = cases.some((c) => {
      const exclusive = new Set(
        (c.config.tenders ?? []).filter((t) => t.exclusiveFlag).map((t) => t.tenderTypeCode),
      );
      return (c.receipt.tenders ?? []).slice(1).some((t) => exclusive.has(t));
    });
    assert.ok(exclusiveLater);
    assert.ok(cases.some((c) => (c.receipt.originalTenders?.length ?? 0) > 1));
    assert.ok(cases.every((c) => (c.receipt.tenders?.length ?? 0) >= 2));
  });

  let server: RunningServer;
  let proxy: RunningProxy;
  before(async () => {
    server = await startReferenceServer();
    proxy = await startFirstTenderProxy(server.url);
  });
  after(async () => {
    await proxy.close();
    await server.close();
  });

  test('the reference implementation: the same verdicts in every order', async () => {
    const [outcome] = await runProperties({ target: server.url, budget, only: ['tender-orders'] });
    assert.ok(outcome);
    assert.equal(outcome.passed, true, failureReport(outcome));
    assert.equal(outcome.runs, budget.runs);
  });

  test('an implementation that reads only the first tender on the receipt fails, shrunk to one case', async () => {
    const [outcome] = await runProperties({ target: proxy.url, budget, only: ['tender-orders'] });
    assert.ok(outcome);
    assert.equal(outcome.verdict, 'failed', failureReport(outcome));
    assert.match(outcome.error ?? '', /depends on the order of the tenders|not refused by TA-05/);
    assert.ok(proxy.refused() > 0);
  });
});
