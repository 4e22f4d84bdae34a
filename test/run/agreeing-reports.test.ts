import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { scenarioEvidence } from '../../src/evidence/scenario-evidence.ts';
import { buildSummary } from '../../src/report/certification-summary.ts';
import { junitReport } from '../../src/report/junit-report.ts';
import { reportFiles } from '../../src/report/report-files.ts';
import { withVerdicts } from '../../src/report/verdict-envelopes.ts';
import { writeReports } from '../../src/report/write-reports.ts';
import { scratchDir } from './scratch-dir.ts';
import { collect, fixtureContext, recordedEnvelopes } from './support.ts';

/**
 * Verdicts agree everywhere: the JUnit XML and cucumber's HTML report say what the certification says.
 * A waived failure is skipped with its reason (not a failure while the verdict passes it), a scenario
 * whose capability is not claimed is skipped with the capability, a failure carries its message.
 */
const waived = 'A check that does not hold';
const context = fixtureContext({
  waivers: {
    file: 'waivers.json',
    content: { vendor: 'Fixture Vendor', waivers: [{ scenario: waived, reason: 'known: fixed in 2.0' }] },
  },
});
const envelopes = recordedEnvelopes();
const collector = collect(envelopes);
const summary = buildSummary(collector.scenarios(), collector.run(), context);

interface TestCase {
  '@_name': string;
  failure?: { '@_message': string; '#text'?: string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}

function junitCases(xml: string): Map<string, TestCase> {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml);
  const cases = [parsed.testsuite.testcase].flat() as TestCase[];
  return new Map(cases.map((c) => [c['@_name'], c]));
}

describe('reports that agree with the certification', () => {
  it('JUnit: waived and not claimed are skipped with their reason; failures carry their message', () => {
    const cases = junitCases(junitReport(summary, scenarioEvidence(envelopes)));
    const byKey = (key: string) =>
      [...cases.values()].find((c) => c['@_name'].endsWith(`(features/outcomes.feature:${key})`));
    const waivedCase = byKey('11');
    assert.equal(waivedCase?.failure, undefined, 'a waived failure is not a JUnit failure');
    assert.match(waivedCase?.skipped?.['@_message'] ?? '', /^waived: known: fixed in 2\.0/);
    const unclaimed = byKey('16');
    assert.match(unclaimed?.skipped?.['@_message'] ?? '', /not claimed: the target does not claim tenders/);
    const failed = byKey('43');
    assert.match(failed?.failure?.['#text'] ?? '', /6 !== 7/);
    const passed = byKey('6');
    assert.equal(passed?.failure ?? passed?.skipped, undefined);
    const undecided = byKey('26');
    assert.match(undecided?.failure?.['@_message'] ?? '', /undefined: the value is somehow right/);
  });

  it('JUnit counts agree with the summary', () => {
    const xml = junitReport(summary, new Map());
    const suite = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml).testsuite;
    const t = summary.totals.scenarios;
    assert.equal(Number(suite['@_tests']), summary.scenarios.length);
    assert.equal(Number(suite['@_failures']), t.failed + t.undecided);
    assert.equal(Number(suite['@_skipped']), t.waived + t['not-claimed'] + t['not-run']);
  });

  it('the HTML report’s stream shows the waived failure as skipped, with its reason attached', () => {
    const rewritten = withVerdicts(envelopes, summary);
    const finished = rewritten.flatMap((e) => (e.testStepFinished ? [e.testStepFinished] : []));
    const original = envelopes.flatMap((e) => (e.testStepFinished ? [e.testStepFinished] : []));
    assert.equal(finished.length, original.length);
    const failedBefore = original.filter((f) => f.testStepResult.status === 'FAILED').length;
    const failedAfter = finished.filter((f) => f.testStepResult.status === 'FAILED').length;
    assert.equal(failedBefore - failedAfter, 1, 'exactly the waived failure is no longer a failure');
    const note = rewritten.find((e) => e.attachment?.body.startsWith('Waived: known: fixed in 2.0'));
    assert.ok(note, 'the reason is attached where the failure was');
  });

  it('writes the HTML report, JUnit and the certification page from the same summary', async () => {
    const files = reportFiles(scratchDir('vcert-agreeing'));
    await import('node:fs/promises').then((fs) => fs.mkdir(files.dir, { recursive: true }));
    await writeReports(files, envelopes, summary);
    const html = await readFile(files.html, 'utf8');
    assert.match(html, /Waived: known: fixed in 2\.0/);
    const page = await readFile(files.page, 'utf8');
    assert.match(page, /waived: known: fixed in 2\.0/);
    assert.match(page, /data-requirement="LC-01" data-status="waived"/);
    assert.match(page, /data-requirement="LC-06" data-status="failed"/);
    const junit = await readFile(files.junit, 'utf8');
    assert.match(junit, /<skipped message="waived: known: fixed in 2\.0/);
  });
});
