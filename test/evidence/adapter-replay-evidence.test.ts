import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { runReplayModule } from '../properties/replay-output.ts';

/**
 * Through a vendor adapter the reproducer is a replay module at the adapter level: it arranges the
 * provider states through the adapter as the run did and invokes the same operations. Against the shop
 * that does not enforce expiry it shows the expired voucher paying; against the correct shop, refused.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const adapter = 'simulators/vendors/checkout/adapter/checkout-adapter.ts';
let correct: CheckoutVendor;
let ignoreExpiry: CheckoutVendor;
let dir: string;
before(async () => {
  correct = await startCheckoutVendor();
  ignoreExpiry = await startCheckoutVendor({ defects: { ignoreExpiry: true } });
  dir = await mkdtemp(join(tmpdir(), 'vcert-adapter-evidence-'));
});
after(async () => {
  await correct.close();
  await ignoreExpiry.close();
  await rm(dir, { recursive: true, force: true });
});

const keysOf = (shop: CheckoutVendor) => ({
  backoffice: shop.adminToken,
  pos: shop.storefrontToken,
  webshop: shop.storefrontToken,
});
const envOf = (shop: CheckoutVendor) => ({
  TARGET: shop.url,
  POS_KEY: shop.storefrontToken,
  WEBSHOP_KEY: shop.storefrontToken,
  OFFICE_KEY: shop.adminToken,
});

test('a failure through an adapter carries an adapter replay that reproduces it', async () => {
  const reports = join(dir, 'reports');
  const result = await runConformance({
    target: ignoreExpiry.url,
    adapter,
    apiKeys: keysOf(ignoreExpiry),
    cwd: root,
    reports,
    name: ['^A voucher whose validity was ended cannot pay$'],
  });
  assert.deepEqual(
    result.summary.scenarios.map((s) => s.status),
    ['failed'],
  );
  const attachments = (await readFile(join(reports, 'cucumber.ndjson'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const e = JSON.parse(line);
      return e.attachment ? [e.attachment] : [];
    });
  const exchanges = attachments.find((a) => a.fileName === 'exchanges.txt')?.body ?? '';
  assert.match(exchanges, /redeem through the adapter|createHold through the adapter|through the adapter/);
  const replay = attachments.find((a) => a.fileName === 'reproduce.mjs')?.body;
  assert.ok(replay, 'an adapter replay module is attached');
  assert.match(replay, /await arrange\(\d+, "voucher"/);
  const file = join(dir, 'reproduce.mjs');
  await writeFile(file, replay);

  const paid = (answers: Awaited<ReturnType<typeof runReplayModule>>) =>
    answers.filter((a) => ['redeem', 'createHold', 'captureHold'].includes(a.operationId)).at(-1);
  const onDefective = paid(await runReplayModule(file, envOf(ignoreExpiry)));
  assert.equal(onDefective?.status, 201, 'the shop that ignores expiry takes the payment again');
  const onCorrect = paid(await runReplayModule(file, envOf(correct)));
  assert.equal(onCorrect?.code, 'voucher_expired', JSON.stringify(onCorrect));
});
