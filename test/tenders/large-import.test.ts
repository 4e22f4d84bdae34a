import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { maxImportBytes } from '../../reference-impl/tenders/index.ts';

/**
 * Memory stays bounded on large configuration files (issue 15): the CLI refuses a 50 MB file before
 * reading it, and a file just under the limit imports, each with a peak RSS under 300 MB (printed).
 * Peak RSS is measured in the child itself (max-rss-on-exit.ts).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = (name: string) => join(root, 'test/fixtures/tenders/seed', name);
const budgetKb = 300 * 1024;

/** A CustomerList of `bytes` or a little less, written 1 MB at a time: customers of group CR. */
function writeCustomers(path: string, bytes: number): number {
  const fd = openSync(path, 'w');
  const open = '<?xml version="1.0" encoding="UTF-8"?>\n<CustomerList>\n';
  const close = '</CustomerList>\n';
  writeSync(fd, open);
  let size = open.length + close.length;
  let n = 0;
  let chunk = '';
  for (;;) {
    const customer = `<CustomerDO>\n <customer:CustomerID>${String(n).padStart(10, '0')}</customer:CustomerID>\n <customer:CustomerGroupIDList>\n  <customer:CustomerGroupID>CR</customer:CustomerGroupID>\n </customer:CustomerGroupIDList>\n</CustomerDO>\n`;
    if (size + customer.length > bytes) break;
    chunk += customer;
    size += customer.length;
    n++;
    if (chunk.length >= 1024 * 1024) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, `${chunk}${close}`);
  closeSync(fd);
  return n;
}

function importWithPeak(dir: string, ...files: string[]) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      join(root, 'test/tenders/max-rss-on-exit.ts'),
      join(root, 'src/cli/main.ts'),
      'tenders',
      'import',
      ...files,
    ],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, VCERT_MAX_RSS_FILE: rssFile } },
  );
  return { code: r.status, out: r.stdout, err: r.stderr, peakKb: Number(readFileSync(rssFile, 'utf8')) };
}

describe('vcert tenders import on large files: memory stays bounded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vcert-large-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a 50 MB file: refused in one line, exit code 2, peak RSS under 300 MB', () => {
    const big = join(dir, 'Customer.xml');
    writeCustomers(big, 50 * 1024 * 1024);
    const size = statSync(big).size;
    assert.ok(size > 49 * 1024 * 1024, `${size} bytes`);
    const r = importWithPeak(dir, big, seed('CustomerGroup.xml'));
    console.log(`50 MB file (${size} bytes): peak RSS ${(r.peakKb / 1024).toFixed(1)} MB, exit ${r.code}`);
    assert.equal(r.code, 2, r.err);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /^vcert tenders: Customer\.xml document: refused: too large \(/);
    assert.ok(r.peakKb < budgetKb, `peak RSS ${r.peakKb} kB`);
  });

  test('a file just under the limit imports, peak RSS under 300 MB', () => {
    const file = join(dir, 'Customer.xml');
    const customers = writeCustomers(file, maxImportBytes - 64 * 1024);
    const r = importWithPeak(
      dir,
      file,
      seed('CustomerGroup.xml'),
      seed('CustomerTenderGroup.xml'),
      seed('CustomerTenderGroupTender.xml'),
      seed('dc_import_Tender.xml'),
    );
    console.log(
      `${statSync(file).size} bytes, ${customers} customers: peak RSS ${(r.peakKb / 1024).toFixed(1)} MB, exit ${r.code}`,
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`customers: ${customers}\\b`));
    assert.ok(r.peakKb < budgetKb, `peak RSS ${r.peakKb} kB`);
  });
});
