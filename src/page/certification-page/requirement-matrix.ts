import { requirements as standard } from '../../../spec/requirements.ts';
import type { CertificationSummary, ScenarioSummary } from '../../report/certification-summary.ts';
import { escapeHtml } from '../html-escape.ts';
import { type ShownStatus, statusBadge } from './status-text.ts';

/** The anchor of a scenario's evidence on the page. */
export const evidenceAnchor = (scenario: ScenarioSummary): string =>
  `evidence-${scenario.key.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Why a scenario has its status, in a few words: the waiver's reason, the capabilities not claimed … */
function why(scenario: ScenarioSummary, claimed: ReadonlySet<string>): string {
  switch (scenario.status) {
    case 'failed':
    case 'undecided':
      return `<a href="#${evidenceAnchor(scenario)}">evidence</a>`;
    case 'waived':
      return `waived: ${escapeHtml(scenario.waiver?.reason ?? 'no reason given')}`;
    case 'not-claimed': {
      const missing = scenario.capabilities.filter((c) => !claimed.has(c));
      return missing.length
        ? `needs ${missing.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}, not claimed`
        : escapeHtml(scenario.message ?? 'cannot be arranged on this target');
    }
    case 'not-run':
      return escapeHtml(scenario.message ?? 'not run');
    case 'emulated':
      return 'passed through behaviour the adapter provides, not the vendor’s system';
    default:
      return '';
  }
}

function scenarioLine(scenario: ScenarioSummary, claimed: ReadonlySet<string>): string {
  const reason = why(scenario, claimed);
  return `<li>${statusBadge(scenario.status)} ${escapeHtml(scenario.name)} <span class="muted">${escapeHtml(scenario.key)}</span>${reason ? ` — ${reason}` : ''}</li>`;
}

/**
 * Every requirement of the standard, one row each: its status, its title, and its scenarios with their
 * status and why (a failed one links to its evidence). A requirement no scenario of this run checks says
 * "no scenario", so a gap shows instead of shrinking the count.
 */
export function requirementMatrix(summary: CertificationSummary): string {
  const claimed = new Set(summary.capabilities.claimed);
  const decided = new Map(summary.requirements.map((r) => [r.id, r]));
  const ids = [...new Set([...standard.map((r) => r.id), ...decided.keys()])];
  const titles = new Map(standard.map((r) => [r.id, r.title]));
  const rows = ids.map((id) => {
    const requirement = decided.get(id);
    // A summary of an older format lists only the requirements its scenarios check.
    const status: ShownStatus = requirement?.status ?? 'no-scenario';
    const scenarios = summary.scenarios.filter((s) => s.requirements.includes(id));
    const lines = scenarios.map((s) => scenarioLine(s, claimed)).join('');
    return `<tr class="req" data-requirement="${escapeHtml(id)}" data-status="${status}"><td><strong>${escapeHtml(id)}</strong></td><td>${statusBadge(status)}</td><td>${escapeHtml(titles.get(id) ?? '')}${lines ? `<ul class="scenarios">${lines}</ul>` : ''}</td></tr>`;
  });
  return `<table class="matrix"><colgroup><col style="width:9em"><col style="width:9em"><col></colgroup>
<thead><tr><th>requirement</th><th>status</th><th>what it asks, and its scenarios</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/** Counts of scenarios and requirements by status, as badges. */
export function totalsLine(summary: CertificationSummary): string {
  const counts = (totals: Record<string, number>) =>
    Object.entries(totals)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${statusBadge(status as ShownStatus)}`)
      .join(' ');
  const listed = new Set(summary.requirements.map((r) => r.id));
  const unlisted = standard.filter((r) => !listed.has(r.id)).length;
  const total = summary.requirements.length + unlisted;
  return `<p>Scenarios: ${counts(summary.totals.scenarios)}</p>
<p>Requirements: ${counts(summary.totals.requirements)}${unlisted ? ` ${unlisted} ${statusBadge('no-scenario')}` : ''} <span class="muted">of ${total}</span></p>`;
}
