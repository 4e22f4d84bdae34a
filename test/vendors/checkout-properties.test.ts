import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { writeCounterexample } from '../../src/properties/counterexample-files.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { runProperties } from '../../src/properties/run-properties.ts';
import { runReplayModule } from '../properties/replay-output.ts';
import { scratchDir } from '../run/scratch-dir.ts';

/**
 * vcert properties against the checkout shop through its kit-only adapter: voucher lives and races made of
 * the shop's own checkouts; with the lost update, the races property fails with a shrunk case whose
 * adapter replay, run on its own, shows the overspend again.
 */
const adapter = 'simulators/vendors/checkout/adapter/checkout-adapter.ts';
const keysOf = (shop: CheckoutVendor) => ({
  backoffice: shop.adminToken,
  pos: shop.storefrontToken,
  webshop: shop.storefrontToken,
});

/** Completed checkouts the adapter asked the shop for (it uses this process's fetch). */
let completed = 0;
const originalFetch = globalThis.fetch;

describe('vcert properties against the checkout shop', () => {
  let correct: CheckoutVendor;
  let lostUpdate: CheckoutVendor;
  before(async () => {
    correct = await startCheckoutVendor();
    lostUpdate = await startCheckoutVendor({ defects: { lostUpdate: true }, latencyMs: 10 });
    globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const answer = await originalFetch(input, init);
      if (String(input).endsWith('/complete') && answer.status === 201) completed += 1;
      return answer;
    }) as typeof fetch;
  });
  after(async () => {
    globalThis.fetch = originalFetch;
    await correct.close();
    await lostUpdate.close();
  });

  it('correct: voucher lives and races are made of checkouts, and hold', async () => {
    completed = 0;
    const outcomes = await runProperties({
      target: correct.url,
      adapter,
      apiKeys: keysOf(correct),
      budget: { runs: 15, seed: 7 },
      only: ['voucher-life', 'races'],
    });
    for (const outcome of outcomes) assert.equal(outcome.verdict, 'passed', failureReport(outcome));
    assert.ok(completed > 10, `checkouts completed: ${completed}`);
  });

  it('lost update: races fails with a shrunk case, and its adapter replay shows the overspend again', async () => {
    const [outcome] = await runProperties({
      target: lostUpdate.url,
      adapter,
      apiKeys: keysOf(lostUpdate),
      budget: { runs: 40, seed: 3 },
      only: ['races'],
    });
    assert.ok(outcome);
    assert.equal(outcome.verdict, 'failed', failureReport(outcome));
    assert.ok((outcome.steps ?? 99) <= 6, `shrunk to ${outcome.steps} steps`);
    const files = await writeCounterexample(outcome, scratchDir('vcert-shop-props'), {
      target: lostUpdate.url,
      adapter,
    });
    assert.ok(files?.replay, 'an adapter replay module is written');
    const funds = JSON.stringify(outcome.transcript?.steps.find((s) => s.kind === 'arrange'));
    let shown = '';
    for (let attempt = 1; attempt <= 3 && !shown; attempt++) {
      process.env.OFFICE_KEY = lostUpdate.adminToken;
      process.env.POS_KEY = lostUpdate.storefrontToken;
      process.env.WEBSHOP_KEY = lostUpdate.storefrontToken;
      const answers = await runReplayModule(files.replay);
      const paid = answers
        .filter((a) => a.operationId === 'redeem' && a.status === 201)
        .reduce((sum, a) => sum + ((a.body as { amount?: { amount: number } }).amount?.amount ?? 0), 0);
      const final = answers
        .filter((a) => a.operationId === 'getBalance' || a.operationId === 'getLedger')
        .at(-1);
      const balance = (final?.body as { balance?: { amount: number } } | undefined)?.balance?.amount;
      const initial =
        (JSON.parse(funds) as { params?: { amount?: { amount: number } } }).params?.amount?.amount ?? 0;
      if (balance !== undefined && (paid > initial || balance !== initial - paid))
        shown = `paid ${paid} of ${initial}, balance ${balance}`;
    }
    assert.ok(shown, `the replay did not show the lost update in 3 tries\n${failureReport(outcome)}`);
  });
});
