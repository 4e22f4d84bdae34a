import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checkout = 'simulators/vendors/checkout/adapter/checkout-adapter.ts';

/** The CLI in a child process, without blocking this one (where the shop runs). */
function vcert(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/cli/main.ts', ...args],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('vcert adapter check: one line per claimed capability', () => {
  let shop: CheckoutVendor;
  before(async () => {
    shop = await startCheckoutVendor();
  });
  after(() => shop.close());

  it('passes the checkout adapter: every claimed check ok, the rest not claimed', async () => {
    const run = await vcert([
      'adapter',
      'check',
      ...['--target', shop.url, '--adapter', checkout],
      ...['--api-key', `backoffice=${shop.adminToken}`, '--api-key', `pos=${shop.storefrontToken}`],
    ]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ok +core: pay, and refuse/m);
    assert.match(run.stdout, /^ok +redemption-refund/m);
    assert.match(run.stdout, /^not claimed +holds/m);
    assert.doesNotMatch(run.stdout, /^problem/m);
  });

  it('names each problem of an adapter that maps wrongly, in one line, and exits 1', async () => {
    const wrong = 'test/vendors/fixtures/wrong-mapping-adapter.ts';
    const run = await vcert(['adapter', 'check', '--target', 'http://127.0.0.1:9', '--adapter', wrong]);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /^problem +core: arrange a voucher.*: getBalance answered outside the contract: body\/balance\/amount: must be integer$/m,
    );
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('without credentials, one line and exit 2', async () => {
    const run = await vcert(['adapter', 'check', '--target', shop.url, '--adapter', checkout]);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr.trim(),
      'vcert adapter check: give --api-key backoffice=<admin token> --api-key pos=<storefront token>',
    );
  });
});
