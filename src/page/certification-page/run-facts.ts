import type { CertificationSummary } from '../../report/certification-summary.ts';
import { escapeHtml } from '../html-escape.ts';

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const row = (name: string, value: string) => `<tr><th>${escapeHtml(name)}</th><td>${value}</td></tr>`;
const list = (items: readonly string[]) =>
  items.length ? items.map(code).join(' ') : '<span class="muted">none</span>';

function duration(ms: number | null): string {
  if (ms === null) return 'unknown';
  const seconds = ms / 1000;
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}

/** What was certified and how: target, adapter, suite, capabilities, run, selection, seal. */
export function runFacts(summary: CertificationSummary): string {
  const { target, suite, capabilities, run, selection } = summary;
  const adapter = (summary as { adapter?: { path?: string; sha256?: string } | null }).adapter;
  const rows = [
    row('target', `${code(target.url)} <span class="muted">(${escapeHtml(target.implementation)})</span>`),
    row(
      'adapter',
      target.adapter
        ? `${code(adapter?.path ?? target.adapter)}${adapter?.sha256 ? `<br><span class="muted">sha256</span> ${code(adapter.sha256)}` : ''}`
        : '<span class="muted">none: the canonical HTTP contract</span>',
    ),
    row(
      'suite',
      `${escapeHtml(suite.name)} ${escapeHtml(suite.version)}<br><span class="muted">features sha256</span> ${code(suite.featuresSha256)}`,
    ),
    row(
      'capabilities claimed',
      `${list(capabilities.claimed)}<br><span class="muted">read from ${escapeHtml(capabilities.source)}</span>`,
    ),
  ];
  if (capabilities.emulated?.length) rows.push(row('emulated by the adapter', list(capabilities.emulated)));
  if (capabilities.unknown?.length)
    rows.push(row('claimed but not in the standard', list(capabilities.unknown)));
  rows.push(
    row(
      'run',
      `${escapeHtml(run.startedAt ?? 'not started')} → ${escapeHtml(run.finishedAt ?? 'not finished')} (${duration(run.durationMs)})${
        run.stopped
          ? `<br><strong>stopped</strong>: ${escapeHtml(run.stopped.reason)} at ${escapeHtml(run.stopped.at)}`
          : ''
      }`,
    ),
    row(
      'selection',
      [
        selection.tags ? `tags ${code(selection.tags)}` : 'every scenario',
        selection.shard ? `shard ${code(selection.shard)}` : '',
        selection.parallel ? `${selection.parallel} workers` : '',
      ]
        .filter(Boolean)
        .join(', '),
    ),
  );
  if (summary.waivers.file)
    rows.push(
      row(
        'waivers',
        `${code(summary.waivers.file)}${summary.waivers.vendor ? ` (${escapeHtml(summary.waivers.vendor)})` : ''}`,
      ),
    );
  if (run.errors.length)
    rows.push(row('errors', `<ul>${run.errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`));
  rows.push(
    row(
      'seal',
      `${escapeHtml(summary.integrity.algorithm)} ${code(summary.integrity.value)}<br><span class="muted">recomputable: it catches accidents; a signed package (vcert sign) proves who issued it</span>`,
    ),
  );
  return `<table class="facts"><colgroup><col style="width:14em"><col></colgroup><tbody>${rows.join('\n')}</tbody></table>`;
}
