import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { capabilityNames } from '../../spec/capabilities.ts';
import { propertyNames, runPropertiesWithLimits } from '../../src/properties/run-properties.ts';
import { Stopped } from '../../src/run/stopped.ts';
import { type SlowTarget, startSlowTarget } from '../run/slow-target.ts';
import { runVcertToEnd } from '../run/spawn-vcert.ts';

/**
 * `vcert properties` against a target that never answers: its time limit and Ctrl-C stop it, every
 * property it did not decide is "not run" (never passed, never failed), and the verdict is not a pass.
 * The per-request timeout is an hour, so only the stop can end the run; the tests wait for counts.
 */
let silent: SlowTarget;
before(async () => {
  silent = await startSlowTarget({ claims: capabilityNames, delayMs: null });
});
after(() => silent.close());

describe('vcert properties stops against a target that never answers', () => {
  it('at its time limit: every property not run, one line each, exit 1', async () => {
    const { code, stdout, stderr } = await runVcertToEnd([
      'properties',
      ...['--target', silent.url, '--timeout', '2s', '--request-timeout', '1h', '--seed', '1'],
    ]);
    assert.equal(code, 1, stdout + stderr);
    assert.match(stderr, /vcert properties: the time limit of 2s was reached: stopping/);
    for (const property of propertyNames)
      assert.match(stdout, new RegExp(`^ {2}${property} +not run: the time limit of 2s was reached`, 'm'));
    assert.match(
      stdout,
      /voucher-life +not run: .* while it ran \(replay: vcert properties --only voucher-life --seed 1\)/,
    );
    assert.doesNotMatch(stdout, /FAILED|passed/);
  });

  it('on an interrupt: the property in flight and the rest are not run, nothing more is sent', async () => {
    const interrupt = new AbortController();
    const seen = silent.slow.length;
    const running = runPropertiesWithLimits({
      target: silent.url,
      timeoutMs: 3_600_000,
      budget: { runs: 5, seed: 2 },
      signal: interrupt.signal,
    });
    await silent.slowRequests(seen + 1);
    interrupt.abort(new Stopped({ kind: 'interrupt', signal: 'SIGINT' }));
    const result = await running;
    assert.equal(result.stopped?.kind, 'interrupt');
    assert.deepEqual(result.outcomes, []);
    assert.deepEqual(
      result.notRun.map((n) => n.property),
      [...propertyNames],
    );
    assert.match(result.notRun[0]?.reason ?? '', /^interrupted \(SIGINT\) while it ran/);
    assert.equal(silent.slow.length, seen + 1, 'nothing was sent after the interrupt');
  });

  it('--api-key for a target with test control: one warning says the keys are not used', async () => {
    const warnings: string[] = [];
    const interrupt = new AbortController();
    const seen = silent.slow.length;
    const running = runPropertiesWithLimits({
      target: silent.url,
      apiKeys: { pos: 'K1' },
      timeoutMs: 3_600_000,
      budget: { runs: 1, seed: 3 },
      only: ['voucher-life'],
      signal: interrupt.signal,
      onWarning: (line) => warnings.push(line),
    });
    await silent.slowRequests(seen + 1);
    interrupt.abort(new Stopped({ kind: 'interrupt', signal: 'SIGINT' }));
    const result = await running;
    assert.equal(result.stopped?.kind, 'interrupt');
    assert.deepEqual(warnings, [
      '--api-key is not used: the target has test control, so each property gets a tenant of its own',
    ]);
  });
});
