import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { formatLoadSummary } from '../../src/load/load-summary.ts';
import { runLoad } from '../../src/load/run-load.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const k6 = findK6();
const skip = k6 ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';
const scripts = [
  'hot-voucher',
  'spread-redemption',
  'pos-webshop-mix',
  'abandoned-holds',
  'retry-storm',
  'returns',
];
const smokeEnv = { DURATION: '2s', VUS: '6', RATE: '15', ITERATIONS: '1' };

describe('k6 smoke of every load script against the reference implementation, with the audit', {
  skip,
}, () => {
  let server: RunningServer;
  let out: string;
  before(async () => {
    server = await startReferenceServer();
    out = mkdtempSync(join(tmpdir(), 'vcert-k6-'));
  });
  after(async () => {
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  for (const name of scripts)
    it(`${name}: thresholds hold and no voucher is overspent`, async () => {
      const result = await runLoad({
        script: `load/${name}.ts`,
        target: server.url,
        outDir: join(out, name),
        env: smokeEnv,
      });
      const summary = formatLoadSummary(result);
      assert.deepEqual(result.exitCodes, [0], summary);
      assert.ok(result.history.ops.length > 0, summary);
      assert.equal(result.audit?.report.valid, true, summary);
      assert.deepEqual(result.audit?.overspent, [], summary);
      assert.ok(result.thresholds.length > 0 && result.thresholds.every((t) => t.ok), summary);
      assert.equal(result.ok, true, summary);
      // Reports for people and machines, and k6's own from the script's handleSummary.
      const page = readFileSync(result.files.page as string, 'utf8');
      assert.match(page, new RegExp(`vcert load ${name}\\.ts — <span[^>]*>PASS`));
      assert.match(page, /No voucher was spent beyond its funds/);
      const machine = JSON.parse(readFileSync(result.files.summary as string, 'utf8'));
      assert.equal(machine.verdict, 'PASS');
      assert.equal(machine.audit.valid, true);
      assert.doesNotMatch(readFileSync(result.files.junit as string, 'utf8'), /<failure/);
      const k6Summary = JSON.parse(readFileSync(join(out, name, 'k6-summary-s0.json'), 'utf8'));
      assert.ok(k6Summary.metrics.http_reqs.values.count > 0);
      assert.match(
        readFileSync(join(out, name, 'k6-junit-s0.xml'), 'utf8'),
        /<testsuite name="k6 thresholds"/,
      );
      // Refusals of the contract are expected statuses: k6's failed-request rate counts none of them.
      assert.equal(k6Summary.metrics.http_req_failed.values.rate, 0, summary);
    });

  it('hot-voucher split into two k6 processes races on the same vouchers and merges their samples', async () => {
    const result = await runLoad({
      script: 'load/hot-voucher.ts',
      target: server.url,
      outDir: join(out, 'segments'),
      segments: 2,
      env: smokeEnv,
    });
    const summary = formatLoadSummary(result);
    assert.deepEqual(result.exitCodes, [0, 0], summary);
    const segmentsSeen = new Set(result.history.ops.map((op) => op.client.split('-')[1]));
    assert.deepEqual([...segmentsSeen].sort(), ['s0', 's1'], summary);
    const vouchers = new Set(result.history.ops.map((op) => op.voucher));
    assert.equal(vouchers.size, 2, 'both processes used the one setup’s vouchers');
    assert.equal(result.ok, true, summary);
  });
});
