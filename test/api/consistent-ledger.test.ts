import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * A ledger read is one moment: its balance is what its entries add up to, even while payments commit
 * between the read's statements (balance first, entries after). Counted in reads, not in time.
 */
describe('GET /vouchers/{id}/ledger under concurrent payments', () => {
  let server: RunningServer;
  let t: Tenant;
  before(async () => {
    server = await startReferenceServer();
    t = await newTenant(server.url);
  });
  after(async () => server?.close());

  it('gives a balance that its entries add up to, in every read', async () => {
    const [v] = await activeVouchers(t, 100_000, 1, { policy: 'balance-guard' });
    const inconsistent: string[] = [];
    let reads = 0;
    let paying = true;
    const pay = async () => {
      for (let i = 0; i < 150; i++)
        await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
          amount: eur(100),
          receipt: receipt(`P${i}`),
        });
    };
    const read = async () => {
      while (paying) {
        const ledger = (await t.pos.get('getLedger', `/vouchers/${v!.id}/ledger`)).body;
        reads += 1;
        const sum = ledger.entries.reduce((total: number, e: { amount: number }) => total + e.amount, 0);
        if (sum !== ledger.balance.amount)
          inconsistent.push(`balance ${ledger.balance.amount}, entries ${sum}`);
      }
    };
    const readers = [read(), read()];
    await Promise.all([pay(), pay()]);
    paying = false;
    await Promise.all(readers);
    assert.ok(reads > 0);
    assert.deepEqual(inconsistent, [], `${inconsistent.length} of ${reads} reads`);
  });
});
