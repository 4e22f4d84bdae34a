import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSegments } from '../../src/load/merge-segments.ts';
import { type SegmentManifest, segmentFormat, writeManifest } from '../../src/load/segment-manifest.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { linesOf, runVcertToEnd } from '../run/spawn-vcert.ts';

/** The manifest of segment `index` of `count` of one run; `change` makes it another run's. */
function manifest(index: number, count: number, change: Partial<SegmentManifest> = {}): SegmentManifest {
  return {
    format: segmentFormat,
    script: 'load/hot-voucher.ts',
    scriptSha256: 'a'.repeat(64),
    target: 'http://127.0.0.1:8080',
    plan: { DURATION: '2000ms', VUS: '9' },
    segment: { index, count, executionSegment: `${index - 1}/${count}:${index}/${count}`, sequence: '' },
    setup: { sha256: 'b'.repeat(64), startedAt: '2026-03-01T10:00:00.000Z', vouchers: 2 },
    thresholds: { overspend: ['count==0'] },
    k6ExitCode: 0,
    operations: 0,
    files: { samples: 'k6.json', history: 'history.ndjson', summary: 'k6-summary-s0.json', log: 'k6.log' },
    ...change,
  };
}

/** Segment directories holding these manifests. */
function segmentDirs(manifests: SegmentManifest[]): string[] {
  const root = scratchDir('vcert-merge-refusals');
  return manifests.map((m, i) => {
    const dir = join(root, `machine-${i + 1}`);
    mkdirSync(dir, { recursive: true });
    writeManifest(dir, m);
    return dir;
  });
}

const refused = (manifests: SegmentManifest[], pattern: RegExp) =>
  assert.throws(
    () => checkSegments(segmentDirs(manifests)),
    (error: Error) =>
      error.name === 'LoadNotRun' && pattern.test(error.message) && !error.message.includes('\n'),
  );

describe('vcert load merge refuses what is not one run', () => {
  it('accepts the N segments of one run, in any order', () => {
    assert.equal(checkSegments(segmentDirs([manifest(2, 3), manifest(3, 3), manifest(1, 3)])).length, 3);
  });

  it('refuses segments of different scripts, targets, plans, splits or setups', () => {
    refused([manifest(1, 2), manifest(2, 2, { scriptSha256: 'c'.repeat(64) })], /different scripts/);
    refused([manifest(1, 2), manifest(2, 2, { target: 'http://127.0.0.1:9090' })], /different targets/);
    refused([manifest(1, 2), manifest(2, 2, { plan: { DURATION: '2000ms', VUS: '10' } })], /different plans/);
    refused([manifest(1, 2), manifest(2, 3)], /different splits/);
    const other = { sha256: 'd'.repeat(64), startedAt: '2026-03-01T11:00:00.000Z', vouchers: 2 };
    refused([manifest(1, 2), manifest(2, 2, { setup: other })], /different setups/);
  });

  it('refuses a missing or a doubled segment', () => {
    refused([manifest(1, 3), manifest(3, 3)], /^segment 2\/3 missing$/);
    refused(
      [manifest(1, 2), manifest(1, 2), manifest(2, 2)],
      /^segment 1\/2 is given twice: .*machine-1 and .*machine-2$/,
    );
    refused([manifest(2, 2)], /^segment 1\/2 missing$/);
  });

  it('refuses a directory that is not a segment', () => {
    const dir = scratchDir('vcert-not-a-segment');
    assert.throws(
      () => checkSegments([dir]),
      (error: Error) =>
        /not the output of vcert load --segment I\/N \(no segment\.json\)/.test(error.message),
    );
    refused(
      [manifest(1, 1, { format: 'something/9' as typeof segmentFormat })],
      /is not vcert-load-segment\/1/,
    );
  });

  it('says so in one line and exits 2, without a stack trace', async () => {
    const [first, second] = segmentDirs([
      manifest(1, 2),
      manifest(2, 2, { target: 'http://127.0.0.1:9090' }),
    ]);
    const { code, stdout, stderr } = await runVcertToEnd([
      'load',
      'merge',
      first as string,
      second as string,
      '--out',
      scratchDir('vcert-merge-out'),
    ]);
    assert.equal(code, 2, stdout + stderr);
    assert.deepEqual(linesOf(stderr).length, 1, stderr);
    assert.match(stderr, /^vcert load merge: segments of different targets: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });
});
