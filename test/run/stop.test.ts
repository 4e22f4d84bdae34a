import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { capabilityNames } from '../../spec/capabilities.ts';
import type { CertificationSummary } from '../../src/report/certification-summary.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { Stopped } from '../../src/run/stopped.ts';
import { scratchDir } from './scratch-dir.ts';
import { type SlowTarget, startSlowTarget } from './slow-target.ts';
import { spawnVcert } from './spawn-vcert.ts';

/**
 * `vcert run` against an external target that never answers (it claims everything, so every scenario
 * would wait on it): the time limit and Ctrl-C stop the run promptly, the summary is written, and what
 * did not run is "not run". The per-request timeout is an hour, so only the stop can end the run; what
 * the tests wait for are counts (requests the target received), never a time.
 */
let silent: SlowTarget;
before(async () => {
  silent = await startSlowTarget({ claims: capabilityNames, delayMs: null });
});
after(() => silent.close());

const summaryIn = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'certification.json'), 'utf8')) as CertificationSummary;

describe('vcert run stops against a target that never answers', () => {
  it('stopped before the suite began: every scenario is listed, each not run, nothing else', async () => {
    const interrupt = new AbortController();
    interrupt.abort(new Stopped({ kind: 'interrupt', signal: 'SIGINT' }));
    const { summary, stopped } = await runConformance(
      { target: silent.url, reports: scratchDir('vcert-stopped-first'), requestTimeoutMs: 3_600_000 },
      { signal: interrupt.signal },
    );
    assert.equal(stopped?.kind, 'interrupt');
    assert.deepEqual(summary.run.errors, []);
    assert.ok(summary.scenarios.length > 100);
    assert.equal(summary.totals.scenarios['not-run'], summary.scenarios.length);
    assert.ok(summary.scenarios.every((s) => s.message === 'not run: interrupted (SIGINT)'));
    assert.equal(summary.verdict.exitCode, 2, 'interrupted: the run could not take place');
  });

  it('at its time limit: the summary is written, nothing failed, the rest is not run, exit 1', async () => {
    const reports = scratchDir('vcert-time-limit');
    const run = spawnVcert([
      'run',
      ...['--target', silent.url, '--reports', reports, '--progress', 'none'],
      ...['--timeout', '2s', '--request-timeout', '1h'],
    ]);
    const { code, stdout, stderr } = await run.exited;
    assert.equal(code, 1, stderr + stdout);
    assert.match(stderr, /vcert run: the time limit of 2s was reached: stopping the run/);
    assert.match(stdout, /verdict: FAIL \(exit 1\): the time limit of 2s was reached/);
    const summary = summaryIn(reports);
    assert.equal(summary.verdict.exitCode, 1);
    assert.equal(summary.run.stopped?.reason, 'the time limit of 2s was reached');
    assert.deepEqual(summary.run.errors, []);
    assert.equal(summary.totals.scenarios.failed, 0, 'a scenario the stop cut off is not a failure');
    assert.equal(summary.totals.scenarios.passed, 0);
    assert.equal(summary.totals.scenarios['not-run'], summary.scenarios.length);
    assert.ok(summary.scenarios.length > 100, 'every scenario is listed, each not run');
  });

  it('on Ctrl-C: stops at once, writes the summary, exits 130, and sends nothing more', async () => {
    const reports = scratchDir('vcert-interrupt-external');
    const seen = silent.slow.length;
    const run = spawnVcert([
      'run',
      ...['--target', silent.url, '--reports', reports, '--progress', 'none'],
      ...['--request-timeout', '1h'],
    ]);
    // The first scenario now waits on the target (an hour, were it not for Ctrl-C).
    await Promise.race([silent.slowRequests(seen + 1), run.exited]);
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.exited;
    assert.equal(code, 130, stderr + stdout);
    assert.match(stderr, /interrupted \(SIGINT\): stopping the run/);
    assert.match(stdout, /the run was interrupted/);
    assert.equal(silent.slow.length, seen + 1, 'no request was sent after Ctrl-C');
    const summary = summaryIn(reports);
    assert.equal(summary.verdict.exitCode, 2, 'an interrupted run could not take place');
    assert.ok(summary.verdict.reasons.includes('the run was interrupted'));
    assert.equal(summary.totals.scenarios.failed, 0);
    assert.equal(summary.totals.scenarios['not-run'], summary.scenarios.length);
    const cut = summary.scenarios.filter((s) => s.startedAt !== null && s.cucumberStatus === 'FAILED');
    assert.equal(cut.length, 1, 'the scenario in flight was cut off');
    assert.match(cut[0]?.message ?? '', /^not run: interrupted \(SIGINT\); it was cut off/);
  });

  it('a second Ctrl-C exits at once (130)', async () => {
    const seen = silent.slow.length;
    const run = spawnVcert([
      'run',
      ...['--target', silent.url, '--reports', scratchDir('vcert-interrupt-twice'), '--progress', 'none'],
      ...['--request-timeout', '1h'],
    ]);
    await Promise.race([silent.slowRequests(seen + 1), run.exited]);
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    assert.equal(code, 130, stderr);
  });

  it('--api-key for a target with test control: one line says the keys are not used', async () => {
    const seen = silent.slow.length;
    const run = spawnVcert([
      'run',
      ...['--target', silent.url, '--reports', scratchDir('vcert-keys-unused'), '--progress', 'none'],
      ...['--api-key', 'pos=K1', '--request-timeout', '1h'],
    ]);
    // A scenario now waits on the target: what it claims was read, the warning said.
    await Promise.race([silent.slowRequests(seen + 1), run.exited]);
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    assert.equal(code, 130, stderr);
    const warnings = stderr.split('\n').filter((line) => line.includes('--api-key'));
    assert.deepEqual(warnings, [
      'vcert run: --api-key is not used: the target has test control, so every scenario gets a tenant of its own',
    ]);
  });
});
