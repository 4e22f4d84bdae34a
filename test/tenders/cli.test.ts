import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = (dir: string) =>
  readdirSync(join(root, 'test/fixtures/tenders', dir)).map((f) =>
    join(root, 'test/fixtures/tenders', dir, f),
  );

function vcert(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'tenders', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('vcert tenders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vcert-tenders-'));

  test('import: summary of the merged seed configuration, JSON form written with --out', () => {
    const out = join(dir, 'config.json');
    const r = vcert('import', ...fixtures('seed'), '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /tenders: 7 \(ZTCC, ZTCD, ZTCH, ZTCS, ZTKR, ZTMX, ZTVO\)/);
    assert.match(r.out, /exchange rules: 2 \(ZTCS→ZTCD, ZTCS→ZTMX\)/);
    assert.match(r.out, /switches: checkCustomerGroupTender=on, checkReasonTender=on/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(written.tenders.length, 7);
  });

  test('import: every problem listed, exit code 1', () => {
    const r = vcert('import', ...fixtures('broken'));
    assert.equal(r.code, 1);
    assert.match(r.err, /configuration refused: 17 problem\(s\)/);
    assert.match(r.err, /dc_import_Tender\.xml:8 TenderDO #2: duplicate TenderTypeCode ZTCS/);
    assert.match(r.err, /Reason\.xml:8 Reason #1: LIMIT must be a non-negative decimal number/);
  });

  test('check: allowed tenders and the rule that refused each other one', () => {
    const receipt = join(dir, 'receipt.json');
    writeFileSync(
      receipt,
      JSON.stringify({
        transactionType: 'SA',
        lineItems: [{ type: 'SI' }],
        total: { amount: 2500, currency: 'EUR' },
      }),
    );
    const r = vcert('check', receipt, '--config', ...fixtures('seed'), '--at', '2024-05-01T00:00:00Z');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^allowed: ZTCS$/m);
    assert.match(r.out, /ZTVO\s+TA-04\s+receipt without customer/);
    assert.match(r.out, /ZTCH\s+TA-01\s+tender ZTCH is blocked/);
  });

  test('check: a receipt that is not one is refused with its problems, on one line, exit code 2', () => {
    const receipt = join(dir, 'bad.json');
    writeFileSync(
      receipt,
      JSON.stringify({ transactionType: 'SA', total: { amount: 12.5, currency: 'EUR' } }),
    );
    const r = vcert('check', receipt, '--config', ...fixtures('seed'));
    assert.equal(r.code, 2);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /must have required property 'lineItems'/);
    assert.match(r.err, /\/total\/amount must be integer/);
  });

  test('exchange: cash to Mexican peso allowed, back refused with TA-08', () => {
    assert.match(
      vcert('exchange', 'ZTCS', 'ZTMX', '--config', ...fixtures('seed')).out,
      /allowed: ZTCS → ZTMX/,
    );
    assert.match(
      vcert('exchange', 'ZTMX', 'ZTCS', '--config', ...fixtures('seed')).out,
      /TA-08\s+no exchange rule from ZTMX to ZTCS/,
    );
  });
});
