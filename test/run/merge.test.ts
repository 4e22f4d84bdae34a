import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { CertificationSummary } from '../../src/report/certification-summary.ts';
import { sealSummary, verifySeal } from '../../src/report/seal-summary.ts';
import { writeMerged } from '../../src/report/write-merged.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { scratchDir } from './scratch-dir.ts';
import { collect, fixtureOptions } from './support.ts';

const matrix = (summary: CertificationSummary) => ({
  requirements: summary.requirements.map((r) => [r.id, r.status, r.scenarios]),
  scenarios: Object.fromEntries(summary.scenarios.map((s) => [s.key, s.status])),
  totals: summary.totals,
  verdict: summary.verdict,
});

/** Three shard directories and one unsharded run of the fixture suite, with a waiver file. */
async function shardsAndWhole(shards = 3) {
  const waivers = join(scratchDir('vcert-merge-waivers'), 'waivers.json');
  writeFileSync(
    waivers,
    JSON.stringify({
      vendor: 'Acme',
      waivers: [{ scenario: 'A check that does not hold', reason: 'ACME-3' }],
    }),
  );
  const whole = await runConformance(fixtureOptions({ waivers }));
  const dirs: string[] = [];
  for (let i = 1; i <= shards; i += 1) {
    const { files } = await runConformance(fixtureOptions({ waivers, shard: `${i}/${shards}` }));
    dirs.push(files.dir);
  }
  return { whole, dirs, waivers };
}

describe('vcert merge', () => {
  it('gives the shards of a run the requirement matrix and verdict of one unsharded run', async () => {
    const { whole, dirs } = await shardsAndWhole();
    const out = scratchDir('vcert-merged');
    const { summary, files } = await writeMerged(out, dirs);
    assert.deepEqual(matrix(summary), matrix(whole.summary));
    assert.ok(verifySeal(JSON.parse(readFileSync(files.summary, 'utf8'))));
    assert.equal(summary.selection.shard, '1/3 + 2/3 + 3/3');

    // The merged message stream is one run: each scenario once, with the statuses of the whole run.
    const envelopes = readFileSync(files.messages, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const collector = collect(envelopes);
    const fromStream = Object.fromEntries(
      collector.scenarios().map((r) => [`${r.uri}:${r.line}`, r.cucumberStatus]),
    );
    const wholeStream = collect(
      readFileSync(whole.files.messages, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    );
    assert.deepEqual(
      fromStream,
      Object.fromEntries(wholeStream.scenarios().map((r) => [`${r.uri}:${r.line}`, r.cucumberStatus])),
    );
    assert.equal(envelopes.filter((e) => e.testRunStarted).length, 1);
    assert.equal(envelopes.filter((e) => e.testRunFinished).length, 1);
    assert.equal(envelopes.filter((e) => e.pickle).length, wholeStream.scenarios().length);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(files.junit, 'utf8'));
    assert.equal([junit.testsuite.testcase].flat().length, whole.summary.scenarios.length);
    assert.match(readFileSync(files.html, 'utf8'), /<html/i);
    assert.match(readFileSync(files.page, 'utf8'), /1\/3 \+ 2\/3 \+ 3\/3/);
  });

  it('refuses shards that are not parts of one run, a missing or doubled shard, a broken seal', async () => {
    const { dirs } = await shardsAndWhole(2);
    const out = scratchDir('vcert-merged');
    await assert.rejects(writeMerged(out, [dirs[0]!]), /shard 2\/2 missing/);
    await assert.rejects(writeMerged(out, [dirs[0]!, dirs[0]!, dirs[1]!]), /shard 1\/2 twice/);
    await assert.rejects(
      writeMerged(out, [dirs[0]!, join(out, 'nowhere')]),
      /certification\.json: no such file/,
    );

    const edit = (dir: string, change: (s: CertificationSummary) => void, reseal = true) => {
      const file = join(dir, 'certification.json');
      const summary = JSON.parse(readFileSync(file, 'utf8')) as CertificationSummary;
      change(summary);
      writeFileSync(file, JSON.stringify(reseal ? sealSummary(summary) : summary));
    };
    const copyOf = (dir: string) => {
      const copy = scratchDir('vcert-shard-copy');
      for (const name of ['certification.json', 'cucumber.ndjson'])
        writeFileSync(join(copy, name), readFileSync(join(dir, name)));
      return copy;
    };
    const other = (change: (s: CertificationSummary) => void, reseal = true) => {
      const copy = copyOf(dirs[1]!);
      edit(copy, change, reseal);
      return writeMerged(out, [dirs[0]!, copy]);
    };
    await assert.rejects(
      other((s) => {
        s.suite.featuresSha256 = 'f'.repeat(64);
      }),
      /different suites/,
    );
    await assert.rejects(
      other((s) => {
        s.target = { url: 'http://127.0.0.1:1', implementation: 'external', adapter: null };
      }),
      /different targets/,
    );
    await assert.rejects(
      other((s) => {
        s.adapter = { path: '/x/adapter.ts', sha256: 'a'.repeat(64) };
      }),
      /different adapters/,
    );
    await assert.rejects(
      other((s) => {
        s.waivers.results = [];
      }),
      /different waivers/,
    );
    await assert.rejects(
      other((s) => {
        s.scenarios[0]!.status = 'passed';
      }, false),
      /integrity value does not match/,
    );
  });
});
