import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { runAdapterCheck } from '../../src/adapter-check/run-adapter-check.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * The smoke checks through the canonical driver against the reference implementation, which claims
 * every capability: every check runs and holds, test control's included (the clock moves; 40 resets,
 * more than the server's pool of connections; after them the clock is back and the voucher gone).
 */
let reference: RunningServer;
before(async () => {
  reference = await startReferenceServer();
});
after(() => reference?.close());

test('every smoke check holds on the reference implementation', async () => {
  const result = await runAdapterCheck({ target: reference.url });
  const problems = result.lines.filter((l) => l.outcome !== 'ok');
  assert.deepEqual(
    problems.map((l) => `${l.outcome} ${l.name}: ${l.detail}`),
    [],
  );
  const control = result.lines.find((l) => l.name.startsWith('test-control:'));
  assert.ok(control, 'a test-control check');
  assert.match(control.detail, /resetTestTenant 204/);
});
