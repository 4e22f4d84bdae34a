import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runConformance } from '../../src/run/run-conformance.ts';

/** features/concurrency through `vcert run`'s function, against the bundled reference implementation. */
test('the concurrency scenarios pass against the reference implementation', async () => {
  const { summary, exitCode } = await runConformance({
    paths: ['features/concurrency/**/*.feature'],
    import: ['steps/**/*.ts'],
    reports: mkdtempSync(join(tmpdir(), 'vcert-race-features-')),
    databaseUrl: process.env.DATABASE_URL,
  });
  const failed = summary.scenarios.filter((s) => s.status !== 'passed').map((s) => `${s.key}: ${s.status}`);
  assert.equal(exitCode, 0, `${summary.verdict.reasons.join('; ')} ${failed.join('; ')}`);
  assert.ok(summary.scenarios.length >= 6, `${summary.scenarios.length} scenarios`);
  assert.equal(summary.totals.scenarios.passed, summary.scenarios.length);
});
