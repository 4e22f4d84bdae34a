import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/histories');

function vcert(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'check', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('vcert check', () => {
  it('exits 0 on a valid history and its ledgers, writing no view', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    copyFileSync(join(fixtures, 'good-balance-guard.ndjson'), join(dir, 'run.ndjson'));
    const run = vcert(
      join(dir, 'run.ndjson'),
      '--ledgers',
      join(fixtures, 'good-balance-guard.ledgers.json'),
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /12 operations: valid/);
    assert.equal(existsSync(join(dir, 'run.check.html')), false);
  });

  it('exits 1 on an invalid history and writes the HTML view next to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    copyFileSync(join(fixtures, 'stale-read.ndjson'), join(dir, 'run.ndjson'));
    const run = vcert(join(dir, 'run.ndjson'), '--ledgers', join(fixtures, 'stale-read.ledgers.json'));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /linearizability +false/);
    assert.match(readFileSync(join(dir, 'run.check.html'), 'utf8'), /getBalance/);
  });

  it('exits 1 when a verdict is unknown: no ledgers means no pass (exit 2 is only for could not run)', () => {
    const run = vcert(
      join(fixtures, 'good-balance-guard.ndjson'),
      '--html',
      join(mkdtempSync(join(tmpdir(), 'check-')), 'v.html'),
    );
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /UNKNOWN \(not a pass\)/);
  });

  it('--timings says where the time went, the CPU time of each thread and the peak memory', () => {
    const run = vcert(
      join(fixtures, 'good-balance-guard.ndjson'),
      '--ledgers',
      join(fixtures, 'good-balance-guard.ledgers.json'),
      '--timings',
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /timings: reading and indexing [\d.]+ s, .*CPU by thread [\d.]+ s .*peak RSS \d+ MB/,
    );
  });

  it('calls a history that records an operation twice invalid (exit 1), naming both lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const lines = readFileSync(join(fixtures, 'good-balance-guard.ndjson'), 'utf8').trimEnd().split('\n');
    // Every line twice: the money of each operation would be counted twice.
    const doubled = join(dir, 'doubled.ndjson');
    writeFileSync(
      doubled,
      `${lines.flatMap((line) => (line.includes('"meta"') ? [line] : [line, line])).join('\n')}\n`,
    );
    const run = vcert(doubled, '--ledgers', join(fixtures, 'good-balance-guard.ledgers.json'));
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /invalid: history line \d+: repeats (operation \d+ of client \S+|the same operation) \(line \d+\)/,
    );
    assert.match(run.stdout, /no checker ran/);
    assert.equal(run.stderr, '');
  });

  it('exits 2 and names the line of a malformed history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const path = join(dir, 'bad.ndjson');
    copyFileSync(join(fixtures, 'stale-read.ndjson'), path);
    spawnSync('sh', ['-c', `echo '{"client":"x"}' >> ${path}`]);
    const run = vcert(path);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /history line 5/);
  });
});
