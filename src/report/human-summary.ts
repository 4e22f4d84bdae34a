import { relative } from 'node:path';
import type { CertificationSummary, ScenarioSummary } from './certification-summary.ts';
import type { ReportFiles } from './report-files.ts';
import { type RequirementCounts, requirementStatuses, type StatusCounts } from './requirement-status.ts';
import { scenarioStatuses } from './scenario-status.ts';

const label: Record<string, string> = {
  passed: 'passed',
  emulated: 'emulated',
  failed: 'failed',
  waived: 'waived',
  'not-claimed': 'not claimed',
  undecided: 'undecided',
  'not-run': 'not run',
  'not-selected': 'not selected',
  'no-scenario': 'no scenario',
};

function counts(c: StatusCounts): string {
  const total = scenarioStatuses.reduce((n, s) => n + c[s], 0);
  return `${total} (${scenarioStatuses.map((s) => `${c[s]} ${label[s]}`).join(', ')})`;
}

/** Requirement counts: every status a scenario can have, and the two a requirement without one has. */
function requirementCounts(c: RequirementCounts): string {
  const total = requirementStatuses.reduce((n, s) => n + (c[s] ?? 0), 0);
  return `${total} (${requirementStatuses.map((s) => `${c[s] ?? 0} ${label[s]}`).join(', ')})`;
}

/** The gist of a failure message: its first few non-empty lines before the stack trace, on one line. */
function gist(text: string | undefined): string {
  const lines = (text ?? '').split('\n').map((l) => l.trim());
  const end = lines.findIndex((l) => l.startsWith('at '));
  const head = (end === -1 ? lines : lines.slice(0, end)).filter((l) => l !== '').slice(0, 3);
  const joined = head.join(' ');
  return joined.length > 200 ? `${joined.slice(0, 199)}…` : joined;
}

function listed(title: string, scenarios: ScenarioSummary[], lines: string[]): void {
  if (scenarios.length === 0) return;
  lines.push('', `${title}:`);
  for (const s of scenarios.slice(0, 50)) {
    const why = s.status === 'waived' ? `waived: ${s.waiver?.reason}` : gist(s.message) || s.cucumberStatus;
    lines.push(`  ${s.key}  ${s.name}`, `      ${why}`);
  }
  if (scenarios.length > 50) lines.push(`  … and ${scenarios.length - 50} more (see the summary JSON)`);
}

/**
 * The console summary of a run: counts per status and requirement, what went wrong, where the reports are
 * (relative to cwd when given), the verdict.
 */
export function formatHumanSummary(summary: CertificationSummary, files: ReportFiles, cwd?: string): string {
  const show = (path: string) => (cwd ? relative(cwd, path) || path : path);
  const lines: string[] = [
    `${summary.suite.name} ${summary.suite.version} (features sha256 ${summary.suite.featuresSha256.slice(0, 12)})`,
    `target: ${summary.target.url} (${summary.target.implementation}${summary.target.adapter ? `, adapter ${summary.target.adapter}` : ''})`,
    `claimed (${summary.capabilities.source}): ${summary.capabilities.claimed.join(', ') || 'nothing'}`,
    ...(summary.capabilities.emulated?.length
      ? [
          `emulated by the adapter (its passes are reported as emulated): ${summary.capabilities.emulated.join(', ')}`,
        ]
      : []),
    ...(summary.capabilities.unknown?.length
      ? [`claimed but not defined by the contract (ignored): ${summary.capabilities.unknown.join(', ')}`]
      : []),
    '',
    `scenarios:    ${counts(summary.totals.scenarios)}`,
    `requirements: ${requirementCounts(summary.totals.requirements)}`,
  ];
  if (summary.requirements.length > 0) {
    lines.push('', '  requirement  status       pass emul fail waiv n/cl undc nrun');
    for (const r of summary.requirements) {
      const n = scenarioStatuses.map((s) => String(r.scenarios[s]).padStart(4)).join(' ');
      lines.push(`  ${r.id.padEnd(11)}  ${label[r.status]?.padEnd(11)} ${n}`);
    }
  }
  listed(
    'failed',
    summary.scenarios.filter((s) => s.status === 'failed'),
    lines,
  );
  listed(
    'undecided',
    summary.scenarios.filter((s) => s.status === 'undecided'),
    lines,
  );
  listed(
    'waived',
    summary.scenarios.filter((s) => s.status === 'waived'),
    lines,
  );
  // Not run: those the stop cut off are listed; those never begun (or skipped by the stop) only counted.
  const notRun = summary.scenarios.filter((s) => s.status === 'not-run');
  const cutOff = notRun.filter((s) => s.startedAt !== null && s.cucumberStatus !== 'SKIPPED');
  listed('not run (cut off when the run stopped)', cutOff, lines);
  const neverBegun = notRun.length - cutOff.length;
  if (neverBegun > 0)
    lines.push(
      '',
      `${neverBegun} scenario(s) not run${summary.run.stopped ? `: ${summary.run.stopped.reason}` : ''}`,
    );
  const rotted = summary.waivers.results.filter((w) => w.outcome === 'rotted');
  if (rotted.length > 0) {
    lines.push('', 'rotted waivers (the waived failure no longer happens: remove them):');
    for (const w of rotted) lines.push(`  ${'requirement' in w ? w.requirement : w.scenario}: ${w.reason}`);
  }
  const unused = summary.waivers.results.filter((w) => w.outcome === 'unused').length;
  if (unused > 0) lines.push('', `${unused} waiver(s) matched no decided scenario of this run`);
  lines.push(
    '',
    'reports:',
    `  certification summary  ${show(files.summary)}  (sha256 ${summary.integrity.value.slice(0, 16)}…)`,
    `  HTML                   ${show(files.html)}`,
    `  messages (NDJSON)      ${show(files.messages)}`,
    `  JUnit XML              ${show(files.junit)}`,
    '',
    summary.verdict.passed
      ? 'verdict: PASS'
      : `verdict: FAIL (exit ${summary.verdict.exitCode}): ${summary.verdict.reasons.join('; ')}`,
  );
  return `${lines.join('\n')}\n`;
}
