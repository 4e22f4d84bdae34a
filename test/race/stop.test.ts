import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { capabilityNames } from '../../spec/capabilities.ts';
import { runRace } from '../../src/race/run-race.ts';
import { Stopped } from '../../src/run/stopped.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { type SlowTarget, startSlowTarget } from '../run/slow-target.ts';
import { runVcertToEnd, spawnVcert } from '../run/spawn-vcert.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { countBound, runVcert } from './race-support.ts';
import { type StallingProxy, startStallingProxy } from './stalling-proxy.ts';

/**
 * A race stopped by Ctrl-C or its time limit against a target that hangs: nothing more is sent, what was
 * in flight is recorded as info (it was sent; its outcome is unknown), the files are written and the
 * verdict is not a pass. The per-request timeout is an hour, so only the stop can end these races; the
 * tests wait for counts of stalled requests, never for a time.
 */
let reference: RunningServer;
let hanging: StallingProxy;
let silent: SlowTarget;
const isCapture = (method: string, path: string) =>
  method === 'POST' && /^\/holds\/[^/]+\/capture$/.test(path);
before(async () => {
  reference = await startReferenceServer();
  hanging = await startStallingProxy(reference.url, isCapture);
  silent = await startSlowTarget({ claims: capabilityNames, delayMs: null });
});
after(async () => {
  await silent?.close();
  await hanging?.close();
  await reference?.close();
});

describe('a race stopped before its end', () => {
  test('Ctrl-C while every capture hangs: the captures in flight are info, nothing more is sent', async () => {
    const out = scratchDir('vcert-race-stopped');
    const interrupt = new AbortController();
    const already = hanging.stalled;
    const racing = runRace({
      target: hanging.url,
      policy: 'balance-guard',
      terminals: 3,
      webshops: 0,
      mix: { pay: 1 },
      ...countBound,
      ops: 100_000,
      timeoutMs: 3_600_000,
      seed: 5,
      out,
      signal: interrupt.signal,
    });
    await hanging.stalledRequests(already + 3);
    interrupt.abort(new Stopped({ kind: 'interrupt', signal: 'SIGINT' }));
    const result = await racing;
    assert.equal(result.stopped?.kind, 'interrupt');
    assert.equal(hanging.stalled, already + 3, 'no capture was sent after the stop');
    const captures = result.history.ops.filter((op) => op.op === 'captureHold');
    assert.equal(captures.length, 3, 'each terminal’s capture, sent once');
    for (const op of captures) {
      assert.equal(op.completion, 'info');
      assert.match(
        String((op.result as { error?: string }).error),
        /no answer awaited: interrupted \(SIGINT\)/,
      );
    }
    assert.ok(result.errors.some((e) => /the final ledgers were not read: interrupted/.test(e)));
    assert.notEqual(result.report.valid, true, 'a stopped race is not a pass');
    const lines = readFileSync(join(out, 'history.ndjson'), 'utf8').trim().split('\n');
    assert.equal(
      lines.length,
      result.history.ops.length + 1,
      'the history file holds the meta line and every op',
    );
    const checked = await runVcert(['check', join(out, 'history.ndjson')]);
    assert.equal(checked.code, 1, checked.stdout + checked.stderr);
  });

  test('vcert race --timeout against a target that never answers: nothing raced, exit 1', async () => {
    const out = scratchDir('vcert-race-silent');
    const { code, stdout, stderr } = await runVcertToEnd([
      'race',
      ...['--target', silent.url, '--timeout', '2s', '--request-timeout', '1h', '--out', out],
    ]);
    assert.equal(code, 1, stdout + stderr);
    assert.match(stderr, /the time limit of 2s was reached: stopping the race/);
    assert.match(stdout, /the time limit of 2s was reached before the first operation: nothing was raced/);
    assert.doesNotMatch(stdout + stderr, /^\s+at /m, 'no stack trace');
  });

  test('vcert race --api-key for a target with test control: one line says the keys are not used', async () => {
    const seen = silent.slow.length;
    const race = spawnVcert([
      'race',
      ...['--target', silent.url, '--api-key', 'pos=K1', '--request-timeout', '1h'],
      ...['--out', scratchDir('vcert-race-keys')],
    ]);
    // Its set-up now waits on the target: what it claims was read, the warning said.
    await Promise.race([silent.slowRequests(seen + 1), race.exited]);
    race.child.kill('SIGINT');
    const { code, stdout, stderr } = await race.exited;
    assert.equal(code, 130, stdout + stderr);
    const warnings = stderr.split('\n').filter((line) => line.includes('--api-key'));
    assert.deepEqual(warnings, [
      'vcert race: --api-key is not used: the target has test control, so the race runs on a tenant of its own',
    ]);
  });

  test('vcert race on Ctrl-C while the captures hang: its files are written, exit 130', async () => {
    const out = scratchDir('vcert-race-ctrl-c');
    const already = hanging.stalled;
    const race = spawnVcert([
      'race',
      ...['--target', hanging.url, '--policy', 'balance-guard', '--terminals', '2', '--webshops', '0'],
      ...['--seconds', '600', '--ops', '100000', '--request-timeout', '1h', '--out', out],
    ]);
    await Promise.race([hanging.stalledRequests(already + 2), race.exited]);
    race.child.kill('SIGINT');
    const { code, stdout, stderr } = await race.exited;
    assert.equal(code, 130, stdout + stderr);
    assert.match(stderr, /interrupted \(SIGINT\): stopping the race/);
    assert.match(stdout, /harness: the fleet was stopped: interrupted \(SIGINT\)/);
    for (const file of ['history.ndjson', 'ledgers.json', 'report.txt', 'report.html'])
      assert.ok(existsSync(join(out, file)), file);
  });
});
