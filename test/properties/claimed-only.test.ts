import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import type { PropertyOutcome } from '../../src/properties/property-outcome.ts';
import { runProperties } from '../../src/properties/run-properties.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { calls, oneStepClaims } from './one-step-adapter.ts';

/**
 * A target that claims only a balance guard and one-step redemption (the reference implementation
 * behind an adapter that claims nothing else): the properties use only that. Voucher lives redeem, are
 * refused when short and retry with the same key; races race redemptions; nothing else is called.
 */
let server: RunningServer;
let outcomes: Map<string, PropertyOutcome>;
before(async () => {
  server = await startReferenceServer();
  const list = await runProperties({
    target: server.url,
    adapter: join(import.meta.dirname, 'one-step-adapter.ts'),
    budget: { runs: 12, seed: 20_240_611 },
  });
  outcomes = new Map(list.map((o) => [o.property, o]));
});
after(() => server.close());

test('voucher-life and races hold and pass by redeeming, with refusals when short and same-key retries', () => {
  for (const name of ['voucher-life', 'races']) {
    const outcome = outcomes.get(name);
    assert.ok(outcome, `${name} ran`);
    assert.equal(outcome.verdict, 'passed', failureReport(outcome));
    assert.ok(outcome.runs >= 12);
  }
  const redeems = calls.filter((c) => c.operationId === 'redeem');
  assert.ok(redeems.filter((c) => c.status === 201).length > 0, 'redemptions were made');
  assert.ok(
    redeems.some((c) => c.code === 'insufficient_balance'),
    'a redemption beyond the balance was refused',
  );
  assert.ok(
    redeems.some((c) => c.receipt?.startsWith('RACE-') && c.status === 201),
    'the races raced redemptions',
  );
  const keys = redeems.map((c) => c.key);
  assert.ok(new Set(keys).size < keys.length, 'a redemption was retried with its own key');
});

test('only the core and the claimed operations are called', () => {
  const core = new Set(['getBalance', 'getVoucher', 'getRedemption', 'getCapabilities', 'getHealth']);
  const used = new Set(calls.map((c) => c.operationId));
  const outside = [...used].filter((id) => !core.has(id) && id !== 'redeem');
  assert.deepEqual(outside, [], `claimed: ${oneStepClaims.join(', ')}`);
});

test('the other properties report a verdict: not claimed for raw HTTP, access without roles', () => {
  assert.equal(outcomes.get('negative-data')?.verdict, 'not claimed');
  for (const name of ['positive-data', 'access']) {
    const outcome = outcomes.get(name);
    assert.ok(outcome, `${name} ran`);
    assert.equal(outcome.verdict, 'passed', failureReport(outcome));
  }
  assert.match(outcomes.get('access')?.reason ?? '', /roles/);
});
