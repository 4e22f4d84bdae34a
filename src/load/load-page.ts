import { historySection } from '../checkers/view-html.ts';
import type { FinalLedgers } from '../history/final-ledger.ts';
import { escapeHtml } from '../page/html-escape.ts';
import { renderPage } from '../page/page-shell.ts';
import { timelineCss } from '../page/race-page/window-timeline.ts';
import { describeStop } from '../run/stopped.ts';
import { type LoadCounts, operationCount } from './load-summary.ts';
import type { LoadResult } from './run-load.ts';

const css = `
.verdict-PASS{color:#2e7d32}.verdict-FAIL{color:#c62828}
table.thresholds td.ok{color:#2e7d32;font-weight:600}table.thresholds td.fail{color:#c62828;font-weight:600}
ul.overspent li{color:#b71c1c}
`;

function thresholdsTable(result: LoadResult): string {
  if (result.thresholds.length === 0) return '<p class="muted">The script sets no thresholds.</p>';
  const rows = result.thresholds.map((t) => {
    const actual = t.actual === null ? 'unreadable' : String(Number(t.actual.toFixed(3)));
    return `<tr><td class="${t.ok ? 'ok' : 'fail'}">${t.ok ? 'ok' : 'FAILED'}</td><td><code>${escapeHtml(t.metric)}</code></td><td><code>${escapeHtml(t.expression)}</code></td><td>${escapeHtml(actual)}</td></tr>`;
  });
  return `<table class="thresholds"><thead><tr><th></th><th>metric</th><th>threshold</th><th>actual (whole run)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function auditPart(result: LoadResult): string {
  if (!result.audit)
    return `<p>The audit did not run: ${escapeHtml(result.auditError ?? 'unknown reason')}.</p>`;
  const { overspent } = result.audit;
  if (overspent.length === 0) return '<p>No voucher was spent beyond its funds.</p>';
  const items = overspent.map(
    (o) =>
      `<li>voucher <code>${escapeHtml(o.voucher)}</code> overspent by ${o.severity} minor units: ${escapeHtml(o.message)}</li>`,
  );
  return `<p>${overspent.length} voucher(s) spent beyond their funds:</p><ul class="overspent">${items.join('')}</ul>`;
}

/**
 * The report of a `vcert load` run (audit.html): the verdict (thresholds and audit), the thresholds over
 * the whole run, the overspent vouchers, then the audited history's view (checkers, funds against debits
 * per voucher, latency by operation and outcome, refusals by code).
 */
export function renderLoadPage(
  result: LoadResult & LoadCounts,
  script: string,
  ledgers?: FinalLedgers,
): string {
  const word = result.ok ? 'PASS' : 'FAIL';
  const failed = result.thresholds.filter((t) => !t.ok).length;
  const reasons = [
    ...(result.stopped ? [describeStop(result.stopped)] : []),
    ...(failed ? [`${failed} threshold(s) crossed`] : []),
    ...(result.audit && result.audit.report.valid !== true
      ? [`the audit says ${String(result.audit.report.valid)}`]
      : []),
    ...(!result.audit ? ['the audit did not run'] : []),
  ];
  const section = result.audit
    ? historySection(result.history, result.audit.report, { ...(ledgers ? { ledgers } : {}), heading: 3 })
    : { html: '', charts: {} };
  const body = `<header>
<h1>vcert load ${escapeHtml(script)} — <span class="verdict verdict-${word}" id="verdict">${word}</span></h1>
<p class="muted">${escapeHtml(result.target)} · ${result.segments} k6 process(es) · ${operationCount(result)} operations</p>
${reasons.length ? `<ul class="reasons">${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : ''}
</header>
<h2>Thresholds</h2>
${thresholdsTable(result)}
<h2>Double-spend audit</h2>
${auditPart(result)}
${section.html}`;
  return renderPage({
    title: `vcert load ${script} — ${word}`,
    body,
    data: { charts: section.charts },
    css: `${timelineCss}${css}`,
  });
}
