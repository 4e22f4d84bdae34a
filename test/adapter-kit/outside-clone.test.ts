import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { scratchDir } from '../run/scratch-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A vendor's own repository: its adapter (a copy of the checkout shop's) and voucher-conformance installed
 * in its node_modules as a copy, as `npm install` would leave it. Node strips no types under node_modules,
 * so the kit must be plain JavaScript; its dependencies resolve from the installed package.
 */
function vendorRepository(): string {
  const repo = scratchDir('vendor-repo');
  cpSync(join(root, 'simulators/vendors/checkout/adapter'), join(repo, 'adapter'), { recursive: true });
  writeFileSync(
    join(repo, 'package.json'),
    JSON.stringify({ name: 'shop-adapter', type: 'module', private: true }),
  );
  const installed = join(repo, 'node_modules/voucher-conformance');
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, 'package.json'), join(installed, 'package.json'));
  cpSync(join(root, 'adapter'), join(installed, 'adapter'), { recursive: true });
  // Its dependencies, as npm would hoist them next to it.
  for (const dependency of [
    'ajv',
    'ajv-formats',
    'fast-deep-equal',
    'json-schema-traverse',
    'require-from-string',
    'fast-uri',
  ])
    if (readdirSync(join(root, 'node_modules')).includes(dependency))
      symlinkSync(join(root, 'node_modules', dependency), join(repo, 'node_modules', dependency));
  return repo;
}

function run(
  file: string,
  args: string[],
  cwd: string,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('the adapter kit outside a clone: voucher-conformance/adapter', () => {
  let shop: CheckoutVendor;
  let repo: string;
  before(async () => {
    shop = await startCheckoutVendor();
    repo = vendorRepository();
  });
  after(() => shop.close());

  it('resolves from an installed copy and gives the contract and its helpers', async () => {
    writeFileSync(
      join(repo, 'probe.ts'),
      `import { operations, refuse, toMinor, CannotArrange } from 'voucher-conformance/adapter';
const redeem = operations.find((o) => o.operationId === 'redeem');
console.log(JSON.stringify({ redeem: redeem?.capability, minor: toMinor('12.34'), refusal: refuse('insufficient_balance').status, named: new CannotArrange('x').name }));\n`,
    );
    const probe = await run('probe.ts', [], repo);
    assert.equal(probe.status, 0, probe.stderr);
    assert.deepEqual(JSON.parse(probe.stdout), {
      redeem: 'one-step-redeem',
      minor: 1234,
      refusal: 409,
      named: 'CannotArrange',
    });
  });

  it("an adapter in the vendor's repository passes vcert adapter check against the shop", async () => {
    const check = await run(
      join(root, 'src/cli/main.ts'),
      [
        'adapter',
        'check',
        ...['--target', shop.url, '--adapter', join(repo, 'adapter/checkout-adapter.ts')],
        ...['--api-key', `backoffice=${shop.adminToken}`, '--api-key', `pos=${shop.storefrontToken}`],
      ],
      repo,
    );
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /^ok +core: a retry with the same key is the same payment/m);
  });
});
