import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * Test control's sweep (capability sweep-control): POST /test/sweep runs the service's background expiry
 * of holds now, for the caller's tenant, at that tenant's clock. The server's own background round is
 * set an hour apart here, so that every hold expired below is the route's doing.
 */
let server: RunningServer;
before(async () => {
  server = await startReferenceServer({ sweepIntervalMs: 3_600_000 });
});
after(() => server.close());

const noKey = { idempotencyKey: null };
const sweep = (t: Tenant) => t.pos.post('runTestSweep', '/test/sweep', {}, noKey);
const holdOn = async (t: Tenant) => {
  const [v] = await activeVouchers(t, 5000, 1, { policy: 'amount-holds', holdTtlSeconds: 60 });
  const hold = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
    amount: eur(1000),
    receipt: receipt(),
  });
  assert.equal(hold.status, 201);
  return { voucher: v!.id, hold: hold.body.id as string };
};

test('the sweep expires the due holds of the caller and of no other tenant', async () => {
  const [a, b] = [await newTenant(server.url), await newTenant(server.url)];
  const [heldA, heldB] = [await holdOn(a), await holdOn(b)];
  assert.deepEqual((await sweep(a)).body, { expiredHolds: 0 }, 'nothing is due yet');
  for (const t of [a, b]) await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 61 }, noKey);
  const swept = await sweep(a);
  assert.equal(swept.status, 200);
  assert.deepEqual(swept.body, { expiredHolds: 1 });
  assert.deepEqual((await sweep(a)).body, { expiredHolds: 0 }, 'a hold is expired once');
  assert.equal((await a.pos.get('getHold', `/holds/${heldA.hold}`)).body.status, 'expired');
  // The other tenant's hold, due at its own clock, is left to its own sweep.
  assert.deepEqual((await sweep(b)).body, { expiredHolds: 1 });
  const balance = (await b.pos.get('getBalance', `/vouchers/${heldB.voucher}/balance`)).body;
  assert.deepEqual(balance.available, eur(5000));
});

test('the sweep is served only where sweep-control is claimed', async () => {
  const t = await newTenant(server.url);
  const claimed = (await t.pos.get('getCapabilities', '/capabilities')).body.capabilities;
  assert.ok(claimed.includes('sweep-control'));
  const plain = await startReferenceServer({ testControl: false });
  try {
    const answer = await fetch(`${plain.url}/test/sweep`, { method: 'POST', body: '{}' });
    assert.equal(answer.status, 404);
    const capabilities = await (await fetch(`${plain.url}/capabilities`)).json();
    assert.equal(capabilities.capabilities.includes('sweep-control'), false);
  } finally {
    await plain.close();
  }
});
