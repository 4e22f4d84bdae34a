import type { Report } from '../../checkers/compose.ts';
import { historySection } from '../../checkers/view-html.ts';
import type { ScenarioEvidence } from '../../evidence/scenario-evidence.ts';
import type { FinalLedgers } from '../../history/final-ledger.ts';
import type { History } from '../../history/operation.ts';
import type { CertificationSummary } from '../../report/certification-summary.ts';
import type { ChartSpec } from '../chart-spec.ts';
import { escapeHtml } from '../html-escape.ts';
import { renderPage } from '../page-shell.ts';
import { verdictWord as checkedWord } from '../race-page/verdict-text.ts';
import { timelineCss } from '../race-page/window-timeline.ts';
import { evidenceCss, evidenceList } from './evidence-list.ts';
import { evidenceAnchor, requirementMatrix, totalsLine } from './requirement-matrix.ts';
import { runFacts } from './run-facts.ts';
import { statusBadge, statusCss, verdictWord } from './status-text.ts';

/** A checked history that belongs to the certification: a race's or a load test's. */
export interface CheckedHistory {
  /** e.g. "vcert race", "vcert load" */
  title: string;
  history: History;
  report: Report;
  ledgers?: FinalLedgers;
}

export interface CertificationPageInput {
  summary: CertificationSummary;
  /** The evidence of each scenario, by key (src/evidence/scenario-evidence.ts). */
  evidence: ReadonlyMap<string, ScenarioEvidence>;
  histories?: readonly CheckedHistory[];
}

const pageCss = `
table.facts th{width:14em;color:#555;font-weight:600}
table.matrix ul.scenarios{margin:.3em 0 0;padding-left:1.1em}
table.matrix ul.scenarios li{margin:.1em 0}
code{font:12px ui-monospace,monospace;overflow-wrap:anywhere}
.reasons li{color:#b71c1c}
`;

/**
 * The certification as one self-contained page (works offline): the verdict and why, what was certified
 * (target, adapter and suite hashes, capabilities, run), the matrix of every requirement of the standard
 * with its scenarios, the evidence of each failure, and for each race or load test that belongs to it its
 * verdicts and charts (funds against debits, latency, refusals).
 */
export function renderCertificationPage(input: CertificationPageInput): string {
  const { summary } = input;
  const word = verdictWord(summary);
  const charts: Record<string, ChartSpec> = {};
  const sections = (input.histories ?? []).map((checked, i) => {
    const section = historySection(checked.history, checked.report, {
      ledgers: checked.ledgers,
      prefix: `h${i}-`,
      heading: 3,
    });
    Object.assign(charts, section.charts);
    return `<h2 id="history-${i}">${escapeHtml(checked.title)} — <span class="verdict v-${String(checked.report.valid)}">${escapeHtml(checkedWord(checked.report.valid))}</span></h2>
${section.html}`;
  });
  const reasons = summary.verdict.reasons.length
    ? `<ul class="reasons">${summary.verdict.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
    : '<p>Every claimed scenario passed (or failed under a live waiver), and nothing stayed undecided.</p>';
  const failing = summary.scenarios.filter((s) => s.status === 'failed' || s.status === 'undecided');
  const shown = failing
    .slice(0, 25)
    .map(
      (s) =>
        `<li>${statusBadge(s.status)} <a href="#${evidenceAnchor(s)}">${escapeHtml(s.name)}</a> <span class="muted">${escapeHtml(s.requirements.join(', '))}</span></li>`,
    );
  if (failing.length > 25) shown.push(`<li class="muted">… and ${failing.length - 25} more below</li>`);
  const failures = shown.length ? `<ul class="failing" id="failing">${shown.join('')}</ul>` : '';
  const body = `<header>
<h1>vcert certification — <span class="verdict verdict-${word.replace(/ /g, '-')}" id="verdict">${word}</span></h1>
<p class="muted">${escapeHtml(summary.target.url)} · exit code ${summary.verdict.exitCode}</p>
${reasons}
${failures}
</header>
<h2>What was certified</h2>
${runFacts(summary)}
<h2>Requirements</h2>
${totalsLine(summary)}
${requirementMatrix(summary)}
<h2>Evidence of the failures</h2>
${evidenceList(summary, input.evidence)}
${sections.join('\n')}`;
  return renderPage({
    title: `vcert certification — ${word}: ${summary.target.url}`,
    body,
    data: { charts },
    css: `${statusCss}${evidenceCss}${timelineCss}${pageCss}`,
  });
}
