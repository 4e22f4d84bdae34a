import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { type DefectiveTargets, startDefectiveTargets } from '../properties/defective-target.ts';
import { runCurlScript } from '../properties/replay-output.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * Every failure carries its evidence: a scenario that fails against a defective implementation (a retry
 * with the same Idempotency-Key pays again) shows the exchanges of the step, says what went wrong in the
 * words of the domain, and comes with a curl script that shows the defect again on that implementation
 * and not on the reference one.
 */
let reference: RunningServer;
let targets: DefectiveTargets;
let dir: string;
before(async () => {
  reference = await startReferenceServer();
  dir = await mkdtemp(join(tmpdir(), 'vcert-evidence-'));
  targets = await startDefectiveTargets(['retry-not-idempotent'], reference.databaseUrl, dir);
});
after(async () => {
  await targets.close();
  await reference.close();
  await rm(dir, { recursive: true, force: true });
});

interface Attachment {
  mediaType: string;
  body: string;
  fileName?: string;
}

test('a failing scenario carries its exchanges, a message in domain terms and a reproducer that reproduces', async () => {
  const defective = targets.urls.get('retry-not-idempotent') as string;
  const reports = join(dir, 'reports');
  const result = await runConformance({
    target: defective,
    reports,
    name: ['^A retried one-step redemption takes the money once$'],
  });
  const failed = result.summary.scenarios.filter((s) => s.status === 'failed');
  assert.equal(failed.length, 1, JSON.stringify(result.summary.scenarios));

  const envelopes = (await readFile(join(reports, 'cucumber.ndjson'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const attachments: Attachment[] = envelopes.flatMap((e) => (e.attachment ? [e.attachment] : []));
  const message: string = envelopes.find((e) => e.testStepFinished?.testStepResult.status === 'FAILED')
    ?.testStepFinished.testStepResult.message;
  assert.match(
    message,
    /the retry answered 201 with amount 5\.00 EUR, balance after 10\.00 EUR[^;]*; the first answer was 201 with amount 5\.00 EUR, balance after 15\.00 EUR.*balanceAfter: 15\.00 EUR → 10\.00 EUR/,
  );

  const exchanges = attachments.find((a) => a.fileName === 'exchanges.txt');
  assert.ok(exchanges, 'the exchanges are attached as text');
  assert.match(exchanges.body, /redeem: POST http:\/\/127\.0\.0\.1:\d+\/vouchers\/[^/]+\/redemptions/);
  assert.match(exchanges.body, /idempotency-key: /);
  assert.match(exchanges.body, /→ 201 Created/);
  assert.match(exchanges.body, /authorization: Bearer vk_p.*\(redacted\)/);
  assert.ok(attachments.some((a) => a.mediaType === 'application/vnd.vcert.exchanges+json'));

  const html = await readFile(join(reports, 'cucumber.html'), 'utf8');
  assert.ok(html.includes('reproduce.sh') && html.includes('exchanges.txt'), 'the HTML report carries both');
  const page = await readFile(join(reports, 'certification.html'), 'utf8');
  assert.match(
    page,
    /redeem: POST http:\/\/127\.0\.0\.1:\d+\/vouchers\//,
    'the certification page shows the exchange',
  );
  assert.ok(page.includes('reproduce.sh'), 'and offers the reproducer');
  const junit = await readFile(join(reports, 'junit.xml'), 'utf8');
  assert.match(
    junit,
    /<system-out>[\s\S]*redeem: POST http:\/\/127\.0\.0\.1/,
    'JUnit carries the exchange in system-out',
  );

  const script = attachments.find((a) => a.fileName === 'reproduce.sh')?.body;
  assert.ok(script, 'a curl reproducer is attached');
  const redeemsOn = async (url: string) =>
    (await runCurlScript(script, url, dir)).filter((a) => a.operationId === 'redeem');

  const onDefective = await redeemsOn(defective);
  assert.deepEqual(
    onDefective.map((a) => (a.body as { balanceAfter?: { amount: number } }).balanceAfter?.amount),
    [1500, 1000],
    'on the defective implementation the retry pays again',
  );
  const onReference = await redeemsOn(reference.url);
  assert.deepEqual(
    onReference.map((a) => (a.body as { balanceAfter?: { amount: number } }).balanceAfter?.amount),
    [1500, 1500],
    'on the reference implementation the retry is answered with the first answer',
  );
  const ids = onReference.map((a) => (a.body as { id?: string }).id);
  assert.equal(ids[1], ids[0]);
});
