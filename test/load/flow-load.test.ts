import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { formatLoadSummary } from '../../src/load/load-summary.ts';
import { LoadNotRun, type LoadResult, runLoad } from '../../src/load/run-load.ts';
import { scratchDir } from '../run/scratch-dir.ts';

const skip = findK6() ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';
const adapter = 'simulators/vendors/checkout/flow/checkout-flow.js';
/** Eight virtual terminals paying with two cards for two seconds: the lost update shows within a few runs. */
const raceEnv = { DURATION: '2s', VUS: '8' };
const attempts = 3;
const keysOf = (shop: CheckoutVendor) => ({
  backoffice: shop.adminToken,
  pos: shop.storefrontToken,
  webshop: shop.storefrontToken,
});

/**
 * k6 runs the checkout shop's transport-free adapter, the same module Node runs (test/vendors/
 * checkout-flow.test.ts): every payment is the shop's cart flow, sent by k6. A race on two cards passes on
 * the correct shop and the audit names the overspent cards on the shop that loses updates.
 */
describe('vcert load through a transport-free adapter (k6 running the flows)', { skip }, () => {
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
  const race = (shop: CheckoutVendor, name: string) =>
    runLoad({
      script: 'load/hot-redeem.ts',
      target: shop.url,
      adapter,
      apiKeys: keysOf(shop),
      outDir: scratchDir(`vcert-flow-load-${name}`),
      env: raceEnv,
    });

  it('passes on the correct shop: payments made by the flow, refusals expected, the audit valid', async () => {
    const result = await race(correct, 'correct');
    const summary = formatLoadSummary(result);
    assert.equal(result.ok, true, summary);
    assert.deepEqual(result.exitCodes, [0], summary);
    const paid = result.history.ops.filter((op) => op.op === 'redeem' && op.completion === 'ok');
    assert.ok(paid.length > 0, summary);
    const k6Summary = JSON.parse(
      readFileSync(join(result.files.page as string, '..', 'k6-summary-s0.json'), 'utf8'),
    );
    // Each payment is four requests of the shop (cart, line, card, complete), tagged with the operation.
    assert.ok(k6Summary.metrics.http_reqs.values.count >= 4 * paid.length, summary);
    assert.equal(k6Summary.metrics.http_req_failed.values.rate, 0, summary);
  });

  it('names the cards the lost-update shop overspends', async () => {
    const summaries: string[] = [];
    let caught: LoadResult | null = null;
    for (let attempt = 1; attempt <= attempts && !caught; attempt++) {
      const result = await race(lostUpdate, `lost-${attempt}`);
      summaries.push(formatLoadSummary(result));
      if (result.audit && result.audit.overspent.length > 0) caught = result;
    }
    assert.ok(caught, `none of ${attempts} runs showed an overspent card:\n${summaries.join('\n')}`);
    assert.equal(caught.ok, false);
    assert.equal(caught.audit?.report.valid, false);
    const page = readFileSync(caught.files.page as string, 'utf8');
    for (const o of caught.audit?.overspent ?? []) assert.ok(page.includes(o.voucher), o.voucher);
  });

  it('refuses an adapter without the vendor keys, in one line', async () => {
    await assert.rejects(
      runLoad({
        script: 'load/hot-redeem.ts',
        target: correct.url,
        adapter,
        outDir: scratchDir('vcert-flow-load-x'),
      }),
      (error: Error) =>
        error instanceof LoadNotRun && /--adapter needs --target and the vendor keys/.test(error.message),
    );
  });
});
