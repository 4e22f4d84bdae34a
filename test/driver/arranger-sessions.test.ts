import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { HttpDriver } from '../../src/driver/http-driver.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/** Provider states belong to the session they were arranged in: a new tenant gets types of its own. */
describe('the canonical arranger across sessions', () => {
  let server: RunningServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  it('a second setup (a new tenant) arranges a voucher of the same type key in that tenant', async () => {
    const driver = new HttpDriver();
    await driver.open({ target: server.url });
    try {
      const type = {
        key: 'GIFT',
        currency: 'EUR',
        policy: 'balance-guard',
        reusable: true,
        topUpAllowed: false,
        validityDays: 365,
      } as const;
      const amount = { amount: 2000, currency: 'EUR' };
      for (let session = 1; session <= 2; session++) {
        await driver.setup();
        const { voucherId } = await driver.arrange('voucher', { type, state: 'activated', amount });
        const balance = await driver.invoke({ operationId: 'getBalance', params: { id: voucherId } });
        assert.equal(balance.completion === 'ok' && balance.body.balance.amount, 2000, `session ${session}`);
      }
    } finally {
      await driver.close();
    }
  });
});
