import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { verifySeal } from '../../src/report/seal-summary.ts';
import { runConformance } from '../../src/run/run-conformance.ts';
import { fixtureOptions } from './support.ts';

/**
 * `vcert run` end to end through its programmatic function, on the fixture suite (steps that touch no
 * system, a capability manifest instead of GET /capabilities): the cucumber wiring, reports and verdict.
 */
describe('vcert run on the fixture suite', () => {
  it('runs every scenario, writes the four reports and fails the run', async () => {
    const { summary, files, exitCode } = await runConformance(fixtureOptions());
    assert.equal(exitCode, 1);
    assert.equal(summary.scenarios.length, 8);
    assert.deepEqual(summary.totals.scenarios, {
      passed: 3,
      emulated: 0,
      failed: 2,
      waived: 0,
      'not-claimed': 1,
      undecided: 2,
      'not-run': 0,
    });
    assert.equal(summary.capabilities.source.startsWith('manifest:'), true);
    assert.deepEqual(summary.capabilities.claimed, ['balance-guard', 'holds', 'some-future-capability']);
    assert.deepEqual(summary.capabilities.unknown, ['some-future-capability']);
    assert.equal(summary.suite.name, 'vcert-fixture-suite');
    assert.match(summary.suite.featuresSha256, /^[0-9a-f]{64}$/);

    const written = JSON.parse(readFileSync(files.summary, 'utf8'));
    assert.equal(verifySeal(written), true);
    assert.equal(written.integrity.value, summary.integrity.value);

    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(files.junit, 'utf8'));
    const cases = [junit.testsuite.testcase].flat();
    assert.equal(cases.length, 8);
    // cucumber's JUnit report counts undefined and pending scenarios as failures too.
    assert.equal(cases.filter((c: Record<string, unknown>) => c.failure !== undefined).length, 4);

    const lines = readFileSync(files.messages, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.filter((e) => e.testCaseFinished).length, 8);
    assert.match(readFileSync(files.html, 'utf8'), /<html/i);
  });

  it('passes a selection where everything claimed passes, with failures under live waivers', async () => {
    const options = fixtureOptions({ tags: 'not @req:LC-04 and not @req:LC-05' });
    const waivers = join(options.reports!, 'acme-waivers.json');
    writeFileSync(
      waivers,
      JSON.stringify({
        vendor: 'Acme',
        waivers: [
          { scenario: 'A check that does not hold', reason: 'ACME-3' },
          { requirement: 'LC-06', reason: 'ACME-4' },
        ],
      }),
    );
    const { summary, exitCode } = await runConformance({ ...options, waivers });
    assert.deepEqual(summary.totals.scenarios, {
      passed: 3,
      emulated: 0,
      failed: 0,
      waived: 2,
      'not-claimed': 1,
      undecided: 0,
      'not-run': 0,
    });
    assert.deepEqual(
      summary.waivers.results.map((w) => w.outcome),
      ['applied', 'applied'],
    );
    assert.equal(exitCode, 0, summary.verdict.reasons.join('; '));
  });

  it('fails when a waived failure no longer happens', async () => {
    const options = fixtureOptions({ tags: '@req:LC-03' });
    const waivers = join(options.reports!, 'stale.json');
    writeFileSync(
      waivers,
      JSON.stringify({ vendor: 'Acme', waivers: [{ requirement: 'LC-03', reason: 'fixed' }] }),
    );
    const { summary, exitCode } = await runConformance({ ...options, waivers });
    assert.equal(summary.totals.scenarios.passed, 1);
    assert.equal(summary.waivers.results[0]?.outcome, 'rotted');
    assert.equal(exitCode, 1);
  });

  it('fails when the selection runs no scenario, or only unclaimed ones', async () => {
    for (const tags of ['@req:XX-99', '@capability:tenders']) {
      const { summary, exitCode } = await runConformance(fixtureOptions({ tags }));
      assert.equal(exitCode, 1, tags);
      assert.ok(summary.verdict.reasons.includes('no scenario was verified'), tags);
    }
  });

  it('splits the suite into disjoint shards that cover it, as cucumber-js --shard does', async () => {
    const keys = async (shard: string) =>
      (await runConformance(fixtureOptions({ shard }))).summary.scenarios.map((s) => s.key);
    const [first, second] = [await keys('1/2'), await keys('2/2')];
    assert.ok(first.length > 0 && second.length > 0);
    assert.equal(first.filter((k) => second.includes(k)).length, 0);
    assert.equal(new Set([...first, ...second]).size, 8);
  });

  it('gives the same statuses in parallel workers as in one process', async () => {
    const statuses = async (parallel: number) =>
      Object.fromEntries(
        (await runConformance(fixtureOptions({ parallel }))).summary.scenarios.map((s) => [s.key, s.status]),
      );
    assert.deepEqual(await statuses(2), await statuses(0));
  });

  it('exits 2 when the target is unreachable, and still writes a summary', async () => {
    const options = fixtureOptions({ target: 'http://127.0.0.1:1', capabilities: undefined });
    const { summary, files, exitCode } = await runConformance(options);
    assert.equal(exitCode, 2);
    assert.match(summary.verdict.reasons[0] ?? '', /^target unreachable/);
    assert.equal(summary.scenarios.length, 0);
    assert.equal(existsSync(files.summary), true);
  });

  it('exits 2 when the steps cannot set up (a failing BeforeAll)', async () => {
    const { summary, exitCode } = await runConformance(fixtureOptions({ import: ['broken-steps/**/*.ts'] }));
    assert.equal(exitCode, 2);
    assert.ok(
      summary.verdict.reasons.some((r) => /cannot open the driver/.test(r)),
      summary.verdict.reasons.join('; '),
    );
  });

  it('refuses bad options before anything starts', async () => {
    await assert.rejects(runConformance(fixtureOptions({ shard: '3/2' })), /--shard must be I\/N/);
    await assert.rejects(runConformance(fixtureOptions({ parallel: -1 })), /--parallel/);
    const options = fixtureOptions();
    const waivers = join(options.reports!, 'bad.json');
    writeFileSync(waivers, JSON.stringify({ vendor: 'Acme', waivers: [{ requirement: 'LC-01' }] }));
    await assert.rejects(runConformance({ ...options, waivers }), /not a valid waiver file/);
  });

  it('takes cucumber-js --name, --dry-run and --format as cucumber-js does', async () => {
    const named = await runConformance(fixtureOptions({ name: ['^A check'] }));
    assert.ok(named.summary.scenarios.length > 0);
    assert.ok(named.summary.scenarios.every((s) => s.name.startsWith('A check')));

    // A dry run needs no target, writes no certification, and fails only on unmatched steps.
    const dry = fixtureOptions({ dryRun: true, target: 'http://192.0.2.1:9' });
    const planned = await runConformance(dry);
    assert.equal(planned.exitCode, 1, 'the fixture suite has an undefined step');
    assert.equal(existsSync(planned.files.summary), false);
    const defined = await runConformance({ ...dry, tags: 'not @req:LC-04' });
    assert.equal(defined.exitCode, 0);
    assert.equal(defined.summary.scenarios.length, 7);
    assert.ok(defined.summary.scenarios.every((s) => !s.requirements.includes('LC-04')));

    const json = join(fixtureOptions().reports!, 'cucumber.json');
    const formatted = await runConformance(fixtureOptions({ formats: [`json:${json}`] }));
    const features = JSON.parse(readFileSync(json, 'utf8')) as Array<{ elements: unknown[] }>;
    assert.equal(features.flatMap((f) => f.elements).length, formatted.summary.scenarios.length);
    assert.ok(existsSync(formatted.files.page), 'the certification page is written');
    await assert.rejects(runConformance(fixtureOptions({ formats: [':x'] })), /--format/);
  });
});
