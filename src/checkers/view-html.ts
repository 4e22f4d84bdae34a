import type { History, Operation } from '../history/operation.ts';
import type { Report } from './compose.ts';
import { describeCall, describeResult, overlap } from './describe-op.ts';
import type { Verdict } from './verdict.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const colour = { ok: '#2e7d32', fail: '#ef6c00', info: '#9e9e9e' } as const;
const rowHeight = 28;
const barLeft = 90;
const barWidth = 560;

function timeline(history: History, indices: readonly number[]): string {
  const ops = indices.map((index) => [index, history.ops[index] as Operation] as const);
  const from = Math.min(...ops.map(([, op]) => op.invokedAt));
  const to = Math.max(
    ...ops.map(([, op]) => (op.completion === 'info' ? op.invokedAt : op.completedAt)),
    from + 1,
  );
  const x = (t: number) => barLeft + ((t - from) / (to - from)) * barWidth;
  const rows = ops.map(([index, op], row) => {
    const y = row * rowHeight + 20;
    const end =
      op.completion === 'info' ? barLeft + barWidth + 20 : Math.max(x(op.completedAt), x(op.invokedAt) + 3);
    const others = ops
      .filter(([other, o]) => other !== index && overlap(op, o))
      .map(([other]) => `#${other}`);
    const tip = `#${index} ${op.client}: ${describeCall(op)} -> ${describeResult(op)}\n${op.invokedAt}..${op.completion === 'info' ? '?' : op.completedAt} µs${others.length ? `\noverlaps ${others.join(' ')}` : ''}`;
    return `<g class="op"><title>${escapeHtml(tip)}</title>
<text x="4" y="${y + 14}">#${index} ${escapeHtml(op.client)}</text>
<rect x="${x(op.invokedAt).toFixed(1)}" y="${y}" width="${(end - x(op.invokedAt)).toFixed(1)}" height="18" rx="3" fill="${colour[op.completion]}"${op.completion === 'info' ? ' fill-opacity="0.5"' : ''}/>
<text x="${(barLeft + barWidth + 30).toFixed(1)}" y="${y + 14}">${escapeHtml(describeCall(op))} → ${escapeHtml(describeResult(op))}</text></g>`;
  });
  const height = ops.length * rowHeight + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1300" height="${height}" role="img">
<text x="${barLeft}" y="12" class="axis">${from} µs</text><text x="${barLeft + barWidth - 60}" y="12" class="axis">${to} µs</text>
${rows.join('\n')}</svg>`;
}

function section(history: History, verdict: Verdict): string {
  const window = verdict.window;
  const counts = Object.entries(verdict.counts)
    .map(([name, value]) => `${escapeHtml(name)} ${value}`)
    .join(', ');
  const head = `<h2>${escapeHtml(verdict.checker)}: <span class="v-${String(verdict.valid)}">${String(verdict.valid)}</span></h2>
<p>${escapeHtml(verdict.first?.message ?? verdict.reason ?? '')}</p><p class="counts">${counts}</p>`;
  if (!window || window.ops.length === 0) return `<section>${head}</section>`;
  const state = window.state
    ? `<p>Model state where the search got furthest: ${escapeHtml(window.state)}</p>`
    : '';
  return `<section>${head}<h3>Voucher ${escapeHtml(window.voucher)}: ${window.ops.length} operations</h3>${state}${timeline(history, window.ops)}</section>`;
}

/** A self-contained HTML page: every verdict, and for each failing one its window on a time line. */
export function renderReportHtml(history: History, report: Report, title = 'vcert check'): string {
  const failing = report.verdicts.filter((verdict) => verdict.valid !== true);
  const passing = report.verdicts
    .filter((verdict) => verdict.valid === true)
    .map((verdict) => escapeHtml(verdict.checker));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}
svg text{font:12px ui-monospace,monospace}
.axis{fill:#777}
.op:hover rect{stroke:#000;stroke-width:2}
.v-false{color:#c62828}.v-unknown{color:#6a1b9a}.v-true{color:#2e7d32}
.counts{color:#555;font-size:12px}
section{border-top:1px solid #ddd;padding-top:.5em}
</style></head><body>
<h1>${escapeHtml(title)}: <span class="v-${String(report.valid)}">${String(report.valid)}</span></h1>
<p>${history.ops.length} operations. Bars run from call to return; grey bars that run off the end never returned (outcome unknown). Hover a bar for details.</p>
${passing.length ? `<p>Valid: ${passing.join(', ')}</p>` : ''}
${failing.map((verdict) => section(history, verdict)).join('\n')}
</body></html>
`;
}
