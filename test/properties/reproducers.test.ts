import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { openDriver } from '../../src/driver/create-driver.ts';
import { ArrangeVoucherCommand } from '../../src/properties/commands/arrange-voucher.ts';
import { RedeemCommand } from '../../src/properties/commands/redeem.ts';
import { writeCounterexample } from '../../src/properties/counterexample-files.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { newVoucherModel } from '../../src/properties/model/voucher-model.ts';
import { propertyCurl } from '../../src/properties/property-reproducers.ts';
import { runProperties } from '../../src/properties/run-properties.ts';
import { TargetSession } from '../../src/properties/target-session.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { type DefectiveTargets, startDefectiveTargets } from './defective-target.ts';
import { runCurlScript, runReplayModule, seenInRun } from './replay-output.ts';

/**
 * Reproducers that reproduce: the curl script of a run replays exactly its requests (the same
 * Idempotency-Key where the run reused one), and the adapter replay module does the same through the
 * adapter; replayed against the same target in a fresh tenant they show the same answers.
 */
let reference: RunningServer;
let dir: string;
before(async () => {
  reference = await startReferenceServer();
  dir = await mkdtemp(join(tmpdir(), 'vcert-reproducers-'));
});
after(async () => {
  await reference.close();
  await rm(dir, { recursive: true, force: true });
});

test('on the reference implementation, the curl of a same-key retry answers the replay, not 409', async () => {
  const driver = await openDriver({ target: reference.url });
  try {
    const claimed = await driver.capabilities();
    const r = new TargetSession(driver, await driver.setup(), claimed);
    const m = newVoucherModel(claimed);
    const kind = {
      policy: 'balance-guard',
      reusable: true,
      topUpAllowed: false,
      validityDays: 365,
      holdTtlSeconds: 600,
    } as const;
    await new ArrangeVoucherCommand(kind, 2000).run(m, r);
    await new RedeemCommand(0, { fixed: 500 }, 'EUR', true).run(m, r);
    const script = propertyCurl({
      property: 'voucher-life',
      verdict: 'failed',
      passed: false,
      runs: 1,
      seed: 0,
      shrinks: 0,
      transcript: r.transcript,
    });
    const answers = await runCurlScript(script, reference.url, dir);
    const redeems = answers.filter((a) => a.operationId === 'redeem');
    assert.equal(redeems.length, 2, script);
    assert.deepEqual(
      redeems.map((a) => a.status),
      [201, 201],
      JSON.stringify(redeems),
    );
    const [first, again] = redeems.map((a) => (a.body as { id: string }).id);
    assert.equal(again, first, 'the retry replays the first answer');
    assert.match(script, /idempotency-key: (k\d+)-\$\{RUN\}"[^\n]*\n[\s\S]*idempotency-key: \1-\$\{RUN\}/);
  } finally {
    await driver.close();
  }
});

describe('against defective implementations (logs in files)', () => {
  let targets: DefectiveTargets;
  before(async () => {
    targets = await startDefectiveTargets(
      ['expired-voucher-pays', 'retry-not-idempotent'],
      reference.databaseUrl,
      dir,
    );
  });
  after(() => targets?.close());
  const urlOf = (name: string) => targets.urls.get(name) as string;

  test('the curl of a shrunk counterexample shows the same failing answer (expired-voucher-pays)', async () => {
    const target = { url: urlOf('expired-voucher-pays') };
    const [outcome] = await runProperties({
      target: target.url,
      budget: { runs: 100, seed: 42 },
      only: ['voucher-life'],
    });
    assert.ok(outcome?.transcript, 'a counterexample with its transcript');
    assert.equal(outcome.verdict, 'failed');
    const answers = await runCurlScript(propertyCurl(outcome), target.url, dir);
    const replayed = answers
      .filter((a) => /^\d+\.$/.test(a.step))
      .map(({ step, operationId, status, code }) => ({
        step,
        operationId,
        status,
        ...(code ? { code } : {}),
      }));
    assert.deepEqual(replayed, seenInRun(outcome.transcript), failureReport(outcome));
  });

  test('the adapter replay module reproduces through the adapter (retry-not-idempotent)', async () => {
    const target = { url: urlOf('retry-not-idempotent') };
    const adapter = join(import.meta.dirname, 'one-step-adapter.ts');
    const [outcome] = await runProperties({
      target: target.url,
      adapter,
      budget: { runs: 100, seed: 42 },
      only: ['voucher-life'],
    });
    assert.ok(outcome?.transcript, 'a counterexample with its transcript');
    assert.equal(outcome.verdict, 'failed');
    const files = await writeCounterexample(outcome, join(dir, 'out'), { target: target.url, adapter });
    assert.ok(files?.replay, 'an adapter replay module is written');
    assert.equal(files.curl, undefined, 'no curl for an adapter target');
    const answers = await runReplayModule(files.replay);
    const replayed = answers.map(({ step, operationId, status, code }) => ({
      step,
      operationId,
      status,
      ...(code ? { code } : {}),
    }));
    assert.deepEqual(replayed, seenInRun(outcome.transcript), failureReport(outcome));
    const retried = outcome.transcript.steps.filter((s) => s.kind === 'call' && s.operationId === 'redeem');
    const keys = retried.map((s) => (s.kind === 'call' ? s.idempotencyKey : undefined));
    assert.ok(new Set(keys).size < keys.length, 'the counterexample retries with the same key');
  });
});
