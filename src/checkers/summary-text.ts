import type { History } from '../history/operation.ts';
import type { Report } from './compose.ts';
import { renderWindowText } from './view-text.ts';

/** One line per checker with its counts; then the window of each checker that is not valid. */
export function renderSummary(history: History, report: Report): string {
  const lines = [
    `${history.ops.length} operations: ${report.valid === true ? 'valid' : report.valid === false ? 'INVALID' : 'UNKNOWN (not a pass)'}`,
  ];
  for (const verdict of report.verdicts) {
    const counts = Object.entries(verdict.counts)
      .filter(([, value]) => value !== 0)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ');
    const why = verdict.valid === 'unknown' && verdict.reason ? `  (${verdict.reason})` : '';
    lines.push(`  ${verdict.checker.padEnd(20)} ${String(verdict.valid).padEnd(8)} ${counts}${why}`);
  }
  for (const verdict of report.verdicts)
    if (verdict.valid === false) lines.push('', renderWindowText(history, verdict));
  return lines.join('\n');
}
