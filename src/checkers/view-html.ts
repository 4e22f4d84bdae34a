import type { FinalLedgers } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';
import type { ChartSpec } from '../page/chart-spec.ts';
import { escapeHtml } from '../page/html-escape.ts';
import { chartSlot, renderPage } from '../page/page-shell.ts';
import { latencyChart } from '../page/race-page/latency-chart.ts';
import { moneyCharts } from '../page/race-page/money-chart.ts';
import { moneyTable } from '../page/race-page/money-table.ts';
import { refusalChart } from '../page/race-page/refusal-chart.ts';
import { verdictSection, verdictTable } from '../page/race-page/verdict-sections.ts';
import { failureSummary, pageTitle, verdictClass, verdictWord } from '../page/race-page/verdict-text.ts';
import { maxTimelineRows, timelineCss } from '../page/race-page/window-timeline.ts';
import { maxPoints } from '../page/step-series.ts';
import type { Report } from './compose.ts';

export interface ReportHtmlOptions {
  /** The final ledgers: initial funds of vouchers the history's meta line does not give. */
  ledgers?: FinalLedgers;
}

/** When the run started and ended, in the history's µs (first call, last return). */
function runSpan(history: History): { start: number; end: number } {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const op of history.ops) {
    if (op.invokedAt < start) start = op.invokedAt;
    if (op.completedAt > end) end = op.completedAt;
  }
  return Number.isFinite(start) ? { start, end: Math.max(end, start) } : { start: 0, end: 0 };
}

function about(history: History, span: { start: number; end: number }): string {
  const clients = new Set<string>();
  const vouchers = new Set<string>();
  for (const op of history.ops) {
    clients.add(op.client);
    vouchers.add(op.voucher);
  }
  const meta = history.meta;
  const parts = [
    `${history.ops.length} operations by ${clients.size} client(s) on ${vouchers.size} voucher(s) over ${((span.end - span.start) / 1e6).toFixed(3)} s`,
    meta?.target ? `target: ${meta.target}` : '',
    meta?.policy ? `policy: ${meta.policy}` : '',
    meta?.startedAt ? `started ${meta.startedAt}` : '',
    meta?.seed !== undefined ? `seed ${meta.seed}` : '',
    history.cutLine !== undefined ? `line ${history.cutLine} was cut and is not checked` : '',
  ];
  return parts.filter(Boolean).map(escapeHtml).join('; ');
}

/** The parts of a checked history's page: its HTML (verdicts, failing windows, charts) and the chart specs it names. */
export interface HistorySection {
  html: string;
  charts: Record<string, ChartSpec>;
}

/**
 * A checked history as a section of a page: every checker's verdict, each failing window on a time line,
 * and charts (funds against debits per voucher, latency, refusals). Chart ids start with `prefix`, so two
 * sections (a race and a load) can share a page.
 */
export function historySection(
  history: History,
  report: Report,
  options: ReportHtmlOptions & { prefix?: string; heading?: number } = {},
): HistorySection {
  const span = runSpan(history);
  const money = moneyCharts(history, report, span, options.ledgers);
  const found: Record<string, ChartSpec> = { ...money.charts };
  const latency = latencyChart(history);
  if (latency) found.latency = latency;
  const refusals = refusalChart(history, span);
  if (refusals) found.refusals = refusals;
  const prefix = options.prefix ?? '';
  const charts = Object.fromEntries(Object.entries(found).map(([id, spec]) => [`${prefix}${id}`, spec]));
  const h = options.heading ?? 2;
  const failing = report.verdicts.filter((verdict) => verdict.valid !== true);
  const shown = new Set<string>();
  const html = `<p class="muted">${about(history, span)}</p>
<h${h}>Verdicts</h${h}>
${verdictTable(report.verdicts)}
${failing.length ? `<h${h}>Failing windows</h${h}>\n${failing.map((verdict) => verdictSection(history, verdict, money.money, span.start, shown)).join('\n')}` : ''}
<h${h}>Charts</h${h}>
<div class="charts">
${Object.entries(charts)
  .map(([id, spec]) => chartSlot(id, spec))
  .join('\n')}
</div>
${refusals ? '' : '<p class="muted">No refusals in this history.</p>'}
<h${h + 1}>Money of the charted vouchers</h${h + 1}>
${moneyTable(money.money.values())}
<p class="muted">Each chart series has at most ${maxPoints.toLocaleString('en')} points and each time line at most ${maxTimelineRows} rows, whatever the size of the history; notes under a chart say when it was sampled.</p>`;
  return { html, charts };
}

/**
 * A self-contained HTML page of a checked history: the verdict in the title, every checker's verdict,
 * each failing window on a time line, and charts (funds against debits per voucher, latency, refusals)
 * drawn by the inlined uPlot. Its size does not grow with the history: series are sampled, rows capped.
 */
export function renderReportHtml(
  history: History,
  report: Report,
  title = 'vcert check',
  options: ReportHtmlOptions = {},
): string {
  const section = historySection(history, report, options);
  const failure = failureSummary(report);
  const body = `<header>
<h1>${escapeHtml(title)} — <span class="verdict ${verdictClass(report.valid)}">${escapeHtml(verdictWord(report.valid))}</span>${failure ? `: ${escapeHtml(failure)}` : ''}</h1>
</header>
${section.html}`;
  return renderPage({
    title: pageTitle(title, report),
    body,
    data: { charts: section.charts },
    css: timelineCss,
  });
}
