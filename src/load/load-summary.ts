import { describeStop } from '../run/stopped.ts';
import type { LoadResult } from './run-load.ts';

/**
 * What a streaming load run counted as it wrote the history, so that a summary of a large run does not
 * make every operation into an object again.
 */
export interface LoadCounts {
  operations?: number;
  /** `createHold/ok` → count. */
  opCounts?: Record<string, number>;
}

/** How many operations a run recorded. */
export function operationCount(result: LoadResult & LoadCounts): number {
  return result.operations ?? result.history.ops.length;
}

function count<T>(items: readonly T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
}

/** A readable end-of-run summary: k6 processes, thresholds over the whole run, the audit, the files. */
export function formatLoadSummary(result: LoadResult & LoadCounts): string {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  lines.push(`vcert load against ${result.target}: ${mark(result.ok)}`);
  if (result.stopped) lines.push(`  stopped: ${describeStop(result.stopped)}`);
  lines.push(`  k6 processes: ${result.segments} (exit codes ${result.exitCodes.join(', ')})`);
  lines.push(`  thresholds over the merged samples of the whole run:`);
  for (const t of result.thresholds) {
    const actual = t.actual === null ? 'unreadable' : Number(t.actual.toFixed(3));
    lines.push(`    ${t.ok ? 'ok  ' : 'FAIL'} ${t.metric} ${t.expression} (actual ${actual})`);
  }
  const kinds = result.opCounts
    ? Object.entries(result.opCounts)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')
    : count(result.history.ops, (op) => `${op.op}/${op.completion}`);
  lines.push(`  history: ${operationCount(result)} operations (${kinds || 'none'})`);
  if (!result.audit) lines.push(`  audit: not run: ${result.auditError ?? 'unknown reason'}`);
  else {
    lines.push(
      `  audit: ${result.audit.report.valid === true ? 'valid' : `valid=${result.audit.report.valid}`}`,
    );
    for (const verdict of result.audit.report.verdicts) {
      const counts = Object.entries(verdict.counts)
        .map(([name, n]) => `${name}=${n}`)
        .join(' ');
      lines.push(
        `    ${verdict.checker}: ${verdict.valid} (${counts})${verdict.reason ? `: ${verdict.reason}` : ''}`,
      );
      if (verdict.worst)
        lines.push(`      worst: voucher ${verdict.worst.voucher}: ${verdict.worst.message}`);
    }
    for (const o of result.audit.overspent)
      lines.push(`    OVERSPENT voucher ${o.voucher} by ${o.severity} minor units: ${o.message}`);
  }
  lines.push('  files:');
  for (const [name, path] of Object.entries(result.files)) lines.push(`    ${name}: ${path}`);
  return lines.join('\n');
}
