import type { Verdict } from '../../checkers/verdict.ts';
import type { History } from '../../history/operation.ts';
import { escapeHtml } from '../html-escape.ts';
import { moneyLine } from './money-table.ts';
import { verdictClass, verdictWord } from './verdict-text.ts';
import type { VoucherMoney } from './voucher-money.ts';
import { windowTimeline } from './window-timeline.ts';

const counts = (verdict: Verdict) =>
  Object.entries(verdict.counts)
    .filter(([, value]) => value !== 0)
    .map(([name, value]) => `${escapeHtml(name)} ${value}`)
    .join(', ');

const why = (verdict: Verdict) => verdict.first?.message ?? verdict.reason ?? '';

/** One row per checker: its verdict, why, and its counts. */
export function verdictTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map(
    (verdict) =>
      `<tr><td>${escapeHtml(verdict.checker)}</td><td class="verdict ${verdictClass(verdict.valid)}">${escapeHtml(verdictWord(verdict.valid))}</td><td>${escapeHtml(why(verdict))}</td><td class="muted">${counts(verdict)}</td></tr>`,
  );
  return `<table class="verdicts"><colgroup><col style="width:18%"><col style="width:14%"><col><col style="width:28%"></colgroup>
<thead><tr><th>checker</th><th>verdict</th><th>why</th><th>counts</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

/**
 * A verdict that is not valid: why, the money of its voucher (unless a section before showed it: `shown`),
 * and its window on a time line.
 */
export function verdictSection(
  history: History,
  verdict: Verdict,
  money: ReadonlyMap<string, VoucherMoney>,
  start: number,
  shown: Set<string> = new Set(),
): string {
  const head = `<h3>${escapeHtml(verdict.checker)}: <span class="verdict ${verdictClass(verdict.valid)}">${escapeHtml(verdictWord(verdict.valid))}</span></h3>
<p>${escapeHtml(why(verdict))}</p>`;
  const window = verdict.window;
  if (!window || window.ops.length === 0) return `<section class="failing">${head}</section>`;
  // The voucher's money, once: the first section that names it.
  const voucherMoney = shown.has(window.voucher) ? undefined : money.get(window.voucher);
  shown.add(window.voucher);
  const state = window.state
    ? `<p class="muted">Model state where the search got furthest: ${escapeHtml(window.state)}</p>`
    : '';
  return `<section class="failing">${head}${voucherMoney ? moneyLine(voucherMoney) : ''}
<p class="muted">Voucher ${escapeHtml(window.voucher)}: ${window.ops.length} operation(s). Bars run from call to return; faded bars never returned (outcome unknown). Hover a bar for details.</p>${state}
${windowTimeline(history, window.ops, start)}</section>`;
}
