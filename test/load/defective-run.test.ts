import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { overspendUnderRace } from '../../simulators/defective/overspend-under-race.ts';
import type { FinalLedger } from '../../src/history/final-ledger.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { formatLoadSummary } from '../../src/load/load-summary.ts';
import { type LoadResult, runLoad } from '../../src/load/run-load.ts';
import { startReferenceServer } from '../support/reference-server.ts';

const k6 = findK6();
const skip = k6 ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';
/** Many virtual POS on the script's two hot vouchers, so that unlocked reads race within two seconds. */
const raceEnv = { DURATION: '2s', VUS: '16' };
/** A short run may happen to interleave no read-modify-write: it is run again, at most this often. */
const attempts = 3;

/**
 * The vouchers whose final ledger shows lost money, judged from the ledger alone (independently of
 * the audit): captures beyond the funds, or a balance that is not the sum of the signed entries.
 */
function overspentByLedger(result: LoadResult): string[] {
  const ledgers = JSON.parse(readFileSync(result.files.ledgers as string, 'utf8')) as FinalLedger[];
  const funds = result.history.meta?.funds ?? {};
  return ledgers
    .filter((ledger) => {
      const sum = (ledger.entries ?? []).reduce((total, entry) => total + entry.amount, 0);
      const captured = -(ledger.entries ?? [])
        .filter((entry) => entry.kind === 'capture')
        .reduce((total, entry) => total + entry.amount, 0);
      return ledger.balance?.amount !== sum || captured > (funds[ledger.voucherId] as number);
    })
    .map((ledger) => ledger.voucherId)
    .sort();
}

/**
 * The overspend-under-race target in a child process whose log goes to a file: its constraint-violation
 * 500s are expected here, and are no output of the test.
 */
function startDefective(dir: string) {
  return overspendUnderRace.start({ logFile: join(dir, 'overspend-under-race.log') });
}

describe('vcert load hot-voucher for real (k6 running): the double-spend audit', { skip }, () => {
  let out: string;
  before(() => {
    out = mkdtempSync(join(tmpdir(), 'vcert-k6-defective-'));
  });
  after(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it(`reports the vouchers that ${overspendUnderRace.name} overspends under contention`, async (t) => {
    const target = await startDefective(out);
    const summaries: string[] = [];
    let caught: LoadResult | null = null;
    try {
      for (let attempt = 1; attempt <= attempts && !caught; attempt++) {
        const result = await runLoad({
          script: 'load/hot-voucher.ts',
          target: target.url,
          outDir: join(out, `defective-${attempt}`),
          env: raceEnv,
        });
        summaries.push(formatLoadSummary(result));
        if (result.audit && result.audit.overspent.length > 0) {
          caught = result;
          t.diagnostic(`overspent vouchers found on run ${attempt} of at most ${attempts}`);
        }
      }
    } finally {
      await target.close();
    }
    assert.ok(caught, `none of ${attempts} runs showed an overspent voucher:\n${summaries.join('\n')}`);
    const summary = formatLoadSummary(caught);
    assert.equal(caught.ok, false, summary);
    assert.equal(caught.audit?.report.valid, false, summary);
    const reported = caught.audit!.overspent.map((o) => o.voucher).sort();
    assert.deepEqual(
      reported,
      overspentByLedger(caught),
      `the audit names the ledgers that lost money\n${summary}`,
    );
    for (const o of caught.audit!.overspent) {
      assert.ok(o.severity > 0, summary);
      assert.ok(summary.includes(`OVERSPENT voucher ${o.voucher} by ${o.severity} minor units`), summary);
    }
    const page = readFileSync(caught.files.page as string, 'utf8');
    assert.match(page, /vcert load hot-voucher\.ts — <span[^>]*>FAIL/);
    for (const o of caught.audit!.overspent) assert.ok(page.includes(o.voucher), 'the audit page names it');
    const overspend = caught.thresholds.find((t) => t.metric === 'overspend' && t.expression === 'count==0');
    assert.equal(overspend?.ok, false, `the script's own teardown check fails too\n${summary}`);
  });

  it('passes the same run against the reference implementation', async () => {
    const server = await startReferenceServer();
    try {
      const result = await runLoad({
        script: 'load/hot-voucher.ts',
        target: server.url,
        outDir: join(out, 'reference'),
        env: raceEnv,
      });
      const summary = formatLoadSummary(result);
      assert.ok(result.history.ops.length > 0, summary);
      assert.deepEqual(overspentByLedger(result), [], summary);
      assert.equal(result.audit?.report.valid, true, summary);
      assert.deepEqual(result.audit?.overspent, [], summary);
      assert.equal(result.ok, true, summary);
    } finally {
      await server.close();
    }
  });
});
