import { writeFileSync } from 'node:fs';
import { XMLBuilder } from 'fast-xml-parser';
import type { FinalLedgers } from '../history/final-ledger.ts';
import { describeStop } from '../run/stopped.ts';
import { renderLoadPage } from './load-page.ts';
import { type LoadCounts, operationCount } from './load-summary.ts';
import type { LoadResult } from './run-load.ts';

/** What a machine reads of a load run: the verdict, thresholds, audit verdicts and overspent vouchers. */
export function loadSummary(result: LoadResult & LoadCounts, script: string): Record<string, unknown> {
  return {
    format: 'vcert-load-summary/1',
    script,
    target: result.target,
    verdict: result.ok ? 'PASS' : 'FAIL',
    ...(result.stopped ? { stopped: describeStop(result.stopped) } : {}),
    segments: result.segments,
    k6ExitCodes: result.exitCodes,
    operations: operationCount(result),
    thresholds: result.thresholds,
    audit: result.audit
      ? {
          valid: result.audit.report.valid,
          checkers: result.audit.report.verdicts.map((v) => ({
            checker: v.checker,
            valid: v.valid,
            ...(v.reason ? { reason: v.reason } : {}),
          })),
          overspent: result.audit.overspent,
        }
      : { valid: null, notRun: result.auditError ?? 'unknown reason' },
    files: result.files,
  };
}

/** JUnit XML of a load run: one test case per threshold and per audit checker, failed when crossed or not valid. */
export function loadJunit(result: LoadResult & LoadCounts, script: string): string {
  const thresholds = result.thresholds.map((t) => ({
    '@_classname': `k6 thresholds ${script}`,
    '@_name': `${t.metric} ${t.expression}`,
    ...(t.ok
      ? {}
      : { failure: { '@_message': `crossed: actual ${t.actual === null ? 'unreadable' : t.actual}` } }),
  }));
  const checkers = result.audit
    ? result.audit.report.verdicts.map((v) => ({
        '@_classname': `double-spend audit ${script}`,
        '@_name': v.checker,
        ...(v.valid === true ? {} : { failure: { '@_message': `${v.valid}: ${v.reason ?? ''}`.trim() } }),
      }))
    : [
        {
          '@_classname': `double-spend audit ${script}`,
          '@_name': 'audit',
          failure: { '@_message': `not run: ${result.auditError ?? 'unknown reason'}` },
        },
      ];
  const overspent = result.audit?.overspent.map(
    (o) => `voucher ${o.voucher} overspent by ${o.severity}: ${o.message}`,
  );
  const cases = [...thresholds, ...checkers];
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuite: {
      '@_name': `vcert load ${script} ${result.target}`,
      '@_tests': cases.length,
      '@_failures': cases.filter((c) => 'failure' in c).length,
      testcase: cases,
      ...(overspent?.length ? { 'system-out': overspent.join('\n') } : {}),
    },
  };
  return new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
    processEntities: true,
  }).build(document);
}

/** Writes the page, summary.json and junit.xml of a load run to the paths in its `files`. */
export function writeLoadReports(
  result: LoadResult & LoadCounts,
  script: string,
  ledgers?: FinalLedgers,
): void {
  if (result.files.page) writeFileSync(result.files.page, renderLoadPage(result, script, ledgers));
  if (result.files.summary)
    writeFileSync(result.files.summary, `${JSON.stringify(loadSummary(result, script), null, 2)}\n`);
  if (result.files.junit) writeFileSync(result.files.junit, loadJunit(result, script));
}
