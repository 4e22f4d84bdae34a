import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { refundsFail } from '../../simulators/defective/refunds-fail.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { formatLoadSummary } from '../../src/load/load-summary.ts';
import { type LoadResult, runLoad } from '../../src/load/run-load.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const k6 = findK6();
const skip = k6 ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';
const env = { DURATION: '2s', VUS: '4' };
const internalErrors = 'refusals{code:internal_error}';

const thresholdOf = (result: LoadResult, metric: string, expression: string) =>
  result.thresholds.find((t) => t.metric === metric && t.expression === expression);

/**
 * A 5xx is an answer too: `vcert load load/returns.ts` (pay, then refund half) against `refunds-fail`
 * (every refund answers 500 internal_error) fails the shared threshold on internal errors with the
 * count of failed refunds, and the audit's contract checker names them; against the reference
 * implementation the same run passes.
 */
describe('vcert load returns.ts: a refund that fails with 500 is counted', { skip }, () => {
  let reference: RunningServer;
  let out: string;
  before(async () => {
    reference = await startReferenceServer();
    out = mkdtempSync(join(tmpdir(), 'vcert-k6-refunds-'));
  });
  after(async () => {
    await reference?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it(`fails ${internalErrors} count==0 against ${refundsFail.name}`, async (t) => {
    const target = await refundsFail.start({
      databaseUrl: reference.databaseUrl,
      logFile: join(out, 'refunds-fail.log'),
    });
    let result: LoadResult;
    try {
      result = await runLoad({
        script: 'load/returns.ts',
        target: target.url,
        outDir: join(out, 'defective'),
        env,
      });
    } finally {
      await target.close();
    }
    const summary = formatLoadSummary(result);
    const failed = thresholdOf(result, internalErrors, 'count==0');
    assert.ok(failed, summary);
    assert.equal(failed.ok, false, summary);
    const refunds = result.history.ops.filter((op) => op.op === 'refundRedemption');
    assert.ok(refunds.length > 0, summary);
    assert.ok(
      refunds.every((op) => op.completion === 'info' && op.status === 500),
      summary,
    );
    assert.equal(failed.actual, refunds.length, `one internal_error per failed refund\n${summary}`);
    assert.match(
      summary,
      new RegExp(`FAIL ${internalErrors.replace(/[{}]/g, '\\$&')} count==0 \\(actual ${failed.actual}\\)`),
    );
    const contract = result.audit?.report.verdicts.find((v) => v.checker === 'contract');
    assert.equal(contract?.valid, false, summary);
    assert.match(contract?.first?.message ?? '', /refundRedemption .* answered 500/, summary);
    assert.equal(result.ok, false, summary);
    t.diagnostic(
      `${internalErrors} count==0: actual ${failed.actual} (${refunds.length} refunds answered 500)`,
    );
  });

  it('passes the same run against the reference implementation', async (t) => {
    const result = await runLoad({
      script: 'load/returns.ts',
      target: reference.url,
      outDir: join(out, 'reference'),
      env,
    });
    const summary = formatLoadSummary(result);
    const internal = thresholdOf(result, internalErrors, 'count==0');
    assert.equal(internal?.ok, true, summary);
    assert.equal(internal?.actual, 0, summary);
    const refunds = result.history.ops.filter((op) => op.op === 'refundRedemption' && op.completion === 'ok');
    assert.ok(refunds.length > 0 && refunds.every((op) => op.status === 201), summary);
    assert.equal(result.audit?.report.valid, true, summary);
    assert.equal(result.ok, true, summary);
    t.diagnostic(`${refunds.length} refunds answered 201; ${internalErrors} actual 0`);
  });
});
