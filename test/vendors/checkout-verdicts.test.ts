import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { runRace } from '../../src/race/run-race.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { scratchDir } from '../run/scratch-dir.ts';

/**
 * A vendor of another shape certified through an adapter that uses only the kit: the checkout shop,
 * correct and with each of its two defects. The verdicts the issue asks for, each in a test.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const adapter = 'simulators/vendors/checkout/adapter/checkout-adapter.ts';
const keysOf = (shop: CheckoutVendor) => ({
  backoffice: shop.adminToken,
  pos: shop.storefrontToken,
  webshop: shop.storefrontToken,
});

async function certify(shop: CheckoutVendor) {
  return runConformance({
    target: shop.url,
    adapter,
    apiKeys: keysOf(shop),
    cwd: root,
    reports: scratchDir('vcert-shop'),
  });
}

/** Runs the CLI in a child process without blocking this one (where the shops run). */
function vcert(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const failingRequirements = (summary: Awaited<ReturnType<typeof certify>>['summary']) =>
  summary.requirements.filter((r) => r.status === 'failed').map((r) => r.id);

describe('the checkout shop, certified through its kit-only adapter', () => {
  let correct: CheckoutVendor;
  let lostUpdate: CheckoutVendor;
  let ignoreExpiry: CheckoutVendor;
  before(async () => {
    correct = await startCheckoutVendor();
    lostUpdate = await startCheckoutVendor({ defects: { lostUpdate: true } });
    ignoreExpiry = await startCheckoutVendor({ defects: { ignoreExpiry: true } });
  });
  after(async () => {
    await correct.close();
    await lostUpdate.close();
    await ignoreExpiry.close();
  });

  it('correct: vcert run passes; what the shop does not support is not claimed, nothing failed', async () => {
    const { summary, exitCode } = await certify(correct);
    assert.equal(exitCode, 0, summary.verdict.reasons.join('; '));
    const totals = summary.totals.scenarios;
    assert.equal(totals.failed + totals.undecided + totals.emulated, 0, JSON.stringify(totals));
    assert.ok(totals.passed >= 30, `passed ${totals.passed}`);
    assert.equal(totals.passed + totals['not-claimed'], summary.scenarios.length);
    for (const s of summary.scenarios.filter((x) => x.capabilities.includes('holds')))
      assert.equal(s.status, 'not-claimed', s.key);
  });

  it('lost update: vcert run fails CC-01, CC-05, CH-01 and RD-03', async () => {
    const { summary, exitCode } = await certify(lostUpdate);
    assert.equal(exitCode, 1);
    const failing = failingRequirements(summary);
    for (const id of ['CC-01', 'CC-05', 'CH-01', 'RD-03'])
      assert.ok(failing.includes(id), `${id} in ${failing}`);
  });

  it('expiry not enforced: vcert run fails LC-05', async () => {
    const { summary, exitCode } = await certify(ignoreExpiry);
    assert.equal(exitCode, 1);
    assert.ok(failingRequirements(summary).includes('LC-05'), failingRequirements(summary).join(' '));
  });

  it('correct: vcert race --barrier is valid', async () => {
    const result = await runRace({
      target: correct.url,
      adapter,
      apiKeys: keysOf(correct),
      barrier: true,
      terminals: 6,
      webshops: 2,
      vouchers: 1,
      funds: 5000,
      minAmount: 1000,
      maxAmount: 1000,
      ops: 200,
      seconds: 3,
      seed: 11,
    });
    assert.equal(
      result.report.valid,
      true,
      JSON.stringify(result.report.verdicts.map((v) => [v.checker, v.valid])),
    );
  });

  it('lost update: vcert race --barrier --amount exits 1 naming money-bounds, with its evidence on disk', async () => {
    const out = scratchDir('vcert-shop-race');
    const keys = keysOf(lostUpdate);
    // Asynchronously: the shop answers from this very process.
    const run = await vcert([
      'src/cli/main.ts',
      'race',
      ...['--target', lostUpdate.url, '--adapter', adapter],
      ...['--api-key', `backoffice=${keys.backoffice}`, '--api-key', `pos=${keys.pos}`],
      ...['--api-key', `webshop=${keys.webshop}`, '--barrier', '--amount', '1000', '--funds', '3000'],
      ...['--vouchers', '1', '--terminals', '6', '--webshops', '2', '--ops', '200', '--seconds', '3'],
      ...['--seed', '5', '--out', out],
    ]);
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /money-bounds\s+false/);
    for (const file of ['history.ndjson', 'ledgers.json', 'report.html'])
      assert.ok(existsSync(join(out, file)), file);
  });
});
