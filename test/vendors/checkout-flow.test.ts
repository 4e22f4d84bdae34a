import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { openDriver } from '../../src/driver/create-driver.ts';
import type { Exchange } from '../../src/driver/exchange.ts';
import { runRace } from '../../src/race/run-race.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { scratchDir } from '../run/scratch-dir.ts';

/**
 * The checkout shop through its transport-free adapter (plain JavaScript flows that k6 runs too), run by
 * Node: the same verdicts as its Node adapter, scenario by scenario, and its requests recorded as
 * evidence. The k6 side is test/load/flow-load.test.ts.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const flow = 'simulators/vendors/checkout/flow/checkout-flow.js';
const nodeAdapter = 'simulators/vendors/checkout/adapter/checkout-adapter.ts';
const keysOf = (shop: CheckoutVendor) => ({
  backoffice: shop.adminToken,
  pos: shop.storefrontToken,
  webshop: shop.storefrontToken,
});
const certify = (shop: CheckoutVendor, adapter: string) =>
  runConformance({
    target: shop.url,
    adapter,
    apiKeys: keysOf(shop),
    cwd: root,
    reports: scratchDir('vcert-flow'),
  });
const statuses = (summary: Awaited<ReturnType<typeof certify>>['summary']) =>
  Object.fromEntries(summary.scenarios.map((s) => [s.key, s.status]));

describe('the checkout shop through its transport-free adapter, in Node', () => {
  let correct: CheckoutVendor;
  let lostUpdate: CheckoutVendor;
  before(async () => {
    correct = await startCheckoutVendor();
    lostUpdate = await startCheckoutVendor({ defects: { lostUpdate: true } });
  });
  after(async () => {
    await correct.close();
    await lostUpdate.close();
  });

  it('certifies the correct shop exactly as the Node adapter does, scenario by scenario', async () => {
    const byFlow = await certify(correct, flow);
    const byNode = await certify(correct, nodeAdapter);
    assert.equal(byFlow.exitCode, 0, byFlow.summary.verdict.reasons.join('; '));
    assert.deepEqual(statuses(byFlow.summary), statuses(byNode.summary));
    assert.match(byFlow.summary.adapter?.path ?? '', /checkout-flow\.js$/);
  });

  it('fails the lost-update shop on the requirements the Node adapter fails it on', async () => {
    const { summary, exitCode } = await certify(lostUpdate, flow);
    assert.equal(exitCode, 1);
    const failing = summary.requirements.filter((r) => r.status === 'failed').map((r) => r.id);
    for (const id of ['CC-01', 'CC-05', 'CH-01', 'RD-03'])
      assert.ok(failing.includes(id), `${id} in ${failing}`);
  });

  it('races at the request that moves money: valid on the correct shop, money-bounds false on the lost update', async () => {
    const race = (shop: CheckoutVendor) =>
      runRace({
        target: shop.url,
        adapter: flow,
        apiKeys: keysOf(shop),
        barrier: true,
        terminals: 6,
        webshops: 2,
        vouchers: 1,
        funds: 3000,
        minAmount: 1000,
        maxAmount: 1000,
        ops: 200,
        seconds: 3,
        seed: 5,
      });
    const good = await race(correct);
    assert.equal(
      good.report.valid,
      true,
      JSON.stringify(good.report.verdicts.map((v) => [v.checker, v.valid])),
    );
    const bad = await race(lostUpdate);
    const money = bad.report.verdicts.find((v) => v.checker === 'money-bounds');
    assert.equal(money?.valid, false, JSON.stringify(bad.report.verdicts.map((v) => [v.checker, v.valid])));
  });

  it('records every request of a flow as an HTTP exchange, keys redacted', async () => {
    const exchanges: Exchange[] = [];
    const driver = await openDriver({
      target: correct.url,
      adapter: flow,
      apiKeys: keysOf(correct),
      onExchange: (e) => exchanges.push(e),
    });
    try {
      const made = await driver.arrange('voucher', {
        type: {
          key: 't',
          currency: 'EUR',
          policy: 'balance-guard',
          reusable: true,
          topUpAllowed: false,
          validityDays: 30,
        },
        state: 'activated',
        amount: { amount: 5000, currency: 'EUR' },
      });
      exchanges.length = 0;
      const paid = await driver.invoke({
        operationId: 'redeem',
        params: { id: made.voucherId },
        body: {
          amount: { amount: 1250, currency: 'EUR' },
          receipt: { number: 'R-1', store: 'S1', register: 'R1', channel: 'pos' },
        },
      } as never);
      assert.equal(paid.completion, 'ok', JSON.stringify(paid));
      const http = exchanges.filter((e) => e.kind === 'http');
      const paths = http.map((e) =>
        e.kind === 'http' ? `${e.request.method} ${new URL(e.request.url).pathname}` : '',
      );
      assert.equal(paths.length, 4, paths.join('\n'));
      assert.match(paths[0] ?? '', /^POST \/carts$/);
      assert.match(paths[1] ?? '', /^POST \/carts\/[^/]+\/lines$/);
      assert.match(paths[2] ?? '', /^POST \/carts\/[^/]+\/gift_cards$/);
      assert.match(paths[3] ?? '', /^POST \/carts\/[^/]+\/complete$/);
      for (const e of http)
        if (e.kind === 'http') assert.match(e.request.headers['x-storefront-token'] ?? '', /…\(redacted\)$/);
    } finally {
      await driver.close();
    }
  });
});
