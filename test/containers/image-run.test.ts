import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runConformance } from '../../src/run/run-conformance.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import {
  bringUpEngine,
  containersOf,
  neverHealthyImage,
  referenceImage,
  skipContainers,
} from './container-engine.ts';

/**
 * `vcert run --image` for real, through runConformance: the reference implementation's image
 * (containers/reference-impl.Containerfile) certified on a few requirements, and an image that never
 * becomes healthy. The engine is brought up by scripts/setup-containers.sh, as on a fresh machine.
 */
const tags = '@req:RD-01 or @req:LC-01';

describe('vcert run --image', { skip: skipContainers && 'VCERT_SKIP_CONTAINERS=1' }, () => {
  before(async () => bringUpEngine(), { timeout: 20 * 60_000 });

  it('certifies the reference implementation image and collects its logs', {
    timeout: 5 * 60_000,
  }, async () => {
    const reports = scratchDir('vcert-image');
    const { summary, exitCode, files } = await runConformance({
      image: { image: referenceImage, port: 8080, health: '/health' },
      tags,
      reports,
    });
    assert.deepEqual(summary.run.errors, []);
    assert.equal(exitCode, 0, summary.verdict.reasons.join('; '));
    assert.equal(summary.verdict.exitCode, 0);
    assert.match(summary.target.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(summary.target.implementation, 'external');
    const requirements = summary.requirements.map((r) => r.id);
    assert.ok(requirements.includes('RD-01') && requirements.includes('LC-01'), requirements.join(', '));
    // The requirements its tags select passed; the standard's others are listed as not selected.
    const checked = summary.requirements.filter(
      (r) => r.status !== 'not-selected' && r.status !== 'no-scenario',
    );
    assert.deepEqual(
      checked.filter((r) => r.status !== 'passed').map((r) => `${r.id} ${r.status}`),
      [],
    );
    assert.ok(checked.length >= 2);
    assert.ok(summary.totals.scenarios.passed > 0);
    assert.equal(summary.totals.scenarios.failed, 0);
    assert.equal(files.dir, reports);

    const log = readFileSync(join(reports, 'container.log'), 'utf8');
    assert.match(log, /voucher reference implementation listening/);
    assert.match(log, /"url":"\/health"/, 'the health checks reached the container');
    assert.match(log, /"url":"\/capabilities"/, 'the suite reached the container');
    assert.deepEqual(await containersOf(referenceImage), [], 'the container was removed');
  });

  it('fails an image that never becomes healthy within its time limit and removes it', {
    timeout: 2 * 60_000,
  }, async () => {
    const reports = scratchDir('vcert-image-unhealthy');
    const { summary, exitCode } = await runConformance({
      image: { image: neverHealthyImage, port: 8080, health: '/health', startupTimeoutMs: 3000 },
      tags,
      reports,
    });
    assert.equal(exitCode, 2);
    assert.equal(summary.run.errors.length, 1);
    assert.match(
      summary.run.errors[0] ?? '',
      /^cannot start the target: image localhost\/vcert-never-healthy:test did not become healthy: GET \/health on container port 8080 did not answer 2xx within 3 s; the container was removed$/,
    );
    assert.equal(summary.target.url, `image ${neverHealthyImage} (not started)`);
    assert.equal(summary.totals.scenarios.passed, 0);
    assert.ok(existsSync(join(reports, 'container.log')));
    assert.deepEqual(await containersOf(neverHealthyImage), [], 'no container left behind');
  });
});
