import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { capabilityNames } from '../../spec/capabilities.ts';
import { findK6 } from '../../src/load/find-k6.ts';
import { runLoad } from '../../src/load/run-load.ts';
import { Stopped } from '../../src/run/stopped.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { type SlowTarget, startSlowTarget } from '../run/slow-target.ts';
import { runVcertToEnd } from '../run/spawn-vcert.ts';

const skip = findK6() ? false : 'bin/k6 is missing: run `bash scripts/setup-k6.sh` to install the pinned k6';

/**
 * `vcert load` against a target that never answers (k6's set-up waits on it): the time limit and an
 * interrupt stop k6, the summary says why, nothing is audited, and the run is not a pass (exit 1).
 */
describe('vcert load stops against a target that never answers', { skip }, () => {
  let silent: SlowTarget;
  before(async () => {
    silent = await startSlowTarget({ claims: capabilityNames, delayMs: null });
  });
  after(() => silent?.close());

  it('at its time limit: k6 is stopped, exit 1, the summary names the limit', async () => {
    const out = scratchDir('vcert-load-limit');
    const { code, stdout, stderr } = await runVcertToEnd([
      'load',
      'load/hot-voucher.ts',
      ...['--target', silent.url, '--timeout', '3s', '--request-timeout', '1h', '--quiet', '--out', out],
    ]);
    assert.equal(code, 1, stdout + stderr);
    assert.match(stderr, /vcert load: the time limit of 3s was reached: stopping k6/);
    assert.match(stdout, /^ {2}stopped: the time limit of 3s was reached$/m);
    assert.match(stdout, /audit: not run: the time limit of 3s was reached/);
  });

  it('on an interrupt once k6 waits on the target: stopped, not audited, not a pass', async () => {
    const seen = silent.slow.length;
    const interrupt = new AbortController();
    const running = runLoad({
      script: 'load/hot-voucher.ts',
      target: silent.url,
      outDir: scratchDir('vcert-load-interrupt'),
      requestTimeoutMs: 3_600_000,
      signal: interrupt.signal,
    });
    await silent.slowRequests(seen + 1);
    interrupt.abort(new Stopped({ kind: 'interrupt', signal: 'SIGINT' }));
    const result = await running;
    assert.equal(result.stopped?.kind, 'interrupt');
    assert.equal(result.ok, false);
    assert.equal(result.audit, null);
    assert.match(result.auditError ?? '', /^interrupted \(SIGINT\)/);
  });
});
