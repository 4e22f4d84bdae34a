import { describeCall, describeResult, overlap } from '../../checkers/describe-op.ts';
import type { History, Operation } from '../../history/operation.ts';
import { escapeHtml } from '../html-escape.ts';
import { durationText } from './latency-chart.ts';

/** At most this many operations of a window are drawn. */
export const maxTimelineRows = 200;

const colour = { ok: '#2e7d32', fail: '#ef6c00', info: '#9e9e9e' } as const;
const track = 1000;

/** CSS of the time line (renderPage takes it in `css`). */
export const timelineCss = `
table.timeline col.n{width:4.5em}table.timeline col.client{width:14%}table.timeline col.bar{width:34%}
table.timeline td{padding:.15em .4em;font:12px/1.35 ui-monospace,monospace}
table.timeline svg{display:block;width:100%;height:18px}
table.timeline tr:hover td{background:#f5f5f5}
table.timeline .overlaps{color:#777}
`;

/**
 * A window's operations on a time line: one row each, its bar from call to return stretched to the
 * width of the page (an unknown outcome runs off the end, faded), what it did and what it overlaps.
 */
export function windowTimeline(history: History, indices: readonly number[], start: number): string {
  const shown = indices.slice(0, maxTimelineRows);
  const ops = shown.map((index) => [index, history.ops[index] as Operation] as const);
  const from = Math.min(...ops.map(([, op]) => op.invokedAt));
  const to = Math.max(
    ...ops.map(([, op]) => (op.completion === 'info' ? op.invokedAt : op.completedAt)),
    from + 1,
  );
  const x = (t: number) => ((t - from) / (to - from)) * track;
  const rows = ops.map(([index, op]) => {
    const left = x(op.invokedAt);
    const right = op.completion === 'info' ? track : Math.max(x(op.completedAt), left + 3);
    const others = ops
      .filter(([other, o]) => other !== index && overlap(op, o))
      .map(([other]) => `#${other}`);
    const tip = `#${index} ${op.client}: ${describeCall(op)} -> ${describeResult(op)}\ncall ${durationText(op.invokedAt - start)}, return ${op.completion === 'info' ? 'never' : durationText(op.completedAt - start)} from the start`;
    const fade = op.completion === 'info' ? ' fill-opacity="0.5"' : '';
    return `<tr class="op"><td>#${index}</td><td>${escapeHtml(op.client)}</td><td><svg viewBox="0 0 ${track} 18" preserveAspectRatio="none" role="img"><title>${escapeHtml(tip)}</title><rect x="${left.toFixed(1)}" y="2" width="${(right - left).toFixed(1)}" height="14" fill="${colour[op.completion]}"${fade}/></svg></td><td>${escapeHtml(describeCall(op))} → ${escapeHtml(describeResult(op))}${others.length ? ` <span class="overlaps">overlaps ${others.join(' ')}</span>` : ''}</td></tr>`;
  });
  const cut =
    indices.length > shown.length
      ? `<p class="muted">The first ${shown.length} of the window's ${indices.length} operations.</p>`
      : '';
  return `<table class="timeline"><colgroup><col class="n"><col class="client"><col class="bar"><col></colgroup>
<thead><tr><th>op</th><th>client</th><th>${durationText(from - start)} … ${durationText(to - start)}</th><th>call → result</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>${cut}`;
}
