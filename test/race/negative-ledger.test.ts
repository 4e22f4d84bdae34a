import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type CheckoutVendor,
  startCheckoutVendor,
} from '../../simulators/vendors/checkout/checkout-vendor.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { checkerLines, printedVerdicts, runVcert } from './race-support.ts';

/**
 * The finding that once became "could not run": a system whose concurrent checkouts overspend one card
 * and report the truth, a ledger that goes negative. Raced through its adapter at a barrier, the
 * overspend is recorded, judged and kept on disk; re-checking the stored files gives the same verdict.
 */
describe('a system whose ledger goes negative under a race', () => {
  let shop: CheckoutVendor;
  before(async () => {
    shop = await startCheckoutVendor({ defects: { overdraw: true }, latencyMs: 10 });
  });
  after(() => shop.close());

  it('vcert race --adapter --barrier exits 1 naming money-bounds, never "could not run", and vcert check agrees', async () => {
    const out = scratchDir('vcert-negative');
    const race = await runVcert([
      'race',
      ...['--target', shop.url, '--adapter', 'simulators/vendors/checkout/adapter/checkout-adapter.ts'],
      ...['--api-key', `backoffice=${shop.adminToken}`, '--api-key', `pos=${shop.storefrontToken}`],
      ...['--api-key', `webshop=${shop.storefrontToken}`, '--barrier', '--amount', '1000', '--funds', '2000'],
      ...[
        '--vouchers',
        '1',
        '--terminals',
        '6',
        '--webshops',
        '2',
        '--ops',
        '120',
        '--seconds',
        '600',
        '--seed',
        '3',
      ],
      ...['--out', out],
    ]);
    assert.equal(race.code, 1, race.stdout + race.stderr);
    for (const file of ['history.ndjson', 'ledgers.json', 'report.html'])
      assert.ok(existsSync(join(out, file)), file);
    const ledgers = JSON.parse(readFileSync(join(out, 'ledgers.json'), 'utf8')) as Array<{
      balance?: { amount: number };
    }>;
    assert.ok(
      (ledgers[0]?.balance?.amount ?? 0) < 0,
      `the shop told a negative balance: ${JSON.stringify(ledgers[0]?.balance)}`,
    );
    const raced = printedVerdicts(race.stdout);
    assert.equal(raced['money-bounds'], 'false', race.stdout);
    assert.equal(
      raced.contract,
      'true',
      "a negative balance is the checkers' finding, not a malformed answer",
    );
    assert.match(race.stdout, /final balance -\d+ is negative|exceed the funds/);

    const check = await runVcert([
      'check',
      join(out, 'history.ndjson'),
      '--ledgers',
      join(out, 'ledgers.json'),
    ]);
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.deepEqual(checkerLines(check.stdout), checkerLines(race.stdout));
  });
});
