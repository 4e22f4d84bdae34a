import type { CertificationSummary } from '../../report/certification-summary.ts';
import type { RequirementStatus } from '../../report/requirement-status.ts';

/** A requirement or scenario status as the page shows it. */
export type ShownStatus = RequirementStatus;

const words: Record<ShownStatus, string> = {
  passed: 'passed',
  emulated: 'emulated',
  failed: 'FAILED',
  waived: 'waived',
  'not-claimed': 'not claimed',
  undecided: 'UNDECIDED',
  'not-run': 'not run',
  'not-selected': 'not selected',
  'no-scenario': 'no scenario',
};

export const statusWord = (status: ShownStatus): string => words[status];

/** The badge of a status: its word in the colour of its class (css below). */
export const statusBadge = (status: ShownStatus): string =>
  `<span class="status s-${status}">${words[status]}</span>`;

export const statusCss = `
.status{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.85em;font-weight:600;white-space:nowrap}
.s-passed{background:#e8f5e9;color:#1b5e20}
.s-emulated{background:#fff8e1;color:#8d6e00}
.s-failed{background:#ffebee;color:#b71c1c}
.s-waived{background:#ede7f6;color:#4527a0}
.s-not-claimed{background:#eceff1;color:#455a64}
.s-undecided{background:#f3e5f5;color:#6a1b9a}
.s-not-run{background:#eceff1;color:#37474f}
.s-not-selected{background:#fafafa;color:#757575;border:1px dashed #bbb}
.s-no-scenario{background:#fafafa;color:#9e9e9e;border:1px dashed #ccc}
.verdict-PASS{color:#2e7d32}.verdict-FAIL{color:#c62828}.verdict-COULD-NOT-RUN{color:#6a1b9a}
`;

/** The run's verdict in one word: PASS, FAIL, or COULD NOT RUN (exit code 2). */
export function verdictWord(summary: CertificationSummary): 'PASS' | 'FAIL' | 'COULD NOT RUN' {
  if (summary.verdict.passed) return 'PASS';
  return summary.verdict.exitCode === 2 ? 'COULD NOT RUN' : 'FAIL';
}
