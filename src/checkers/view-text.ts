import type { History, Operation } from '../history/operation.ts';
import { describeCall, describeResult, overlap } from './describe-op.ts';
import type { Verdict } from './verdict.ts';

const width = 32;

function bar(op: Operation, from: number, to: number): string {
  const span = Math.max(1, to - from);
  const start = Math.floor(((op.invokedAt - from) / span) * (width - 1));
  const end =
    op.completion === 'info' ? width - 1 : Math.ceil(((op.completedAt - from) / span) * (width - 1));
  const cells: string[] = Array.from({ length: width }, (_, i) => (i < start || i > end ? ' ' : '='));
  if (op.completion === 'info') cells[width - 1] = '?';
  return `|${cells.join('')}|`;
}

const pad = (text: string, size: number) =>
  text.length >= size ? text : text + ' '.repeat(size - text.length);

/** A failing verdict's window as text: each operation on a time line, what it returned, which overlap. */
export function renderWindowText(history: History, verdict: Verdict): string {
  const head = `${verdict.checker}: ${verdict.valid}${verdict.first ? ` - ${verdict.first.message}` : ''}`;
  const window = verdict.window;
  if (!window || window.ops.length === 0) return head;
  const ops = window.ops.map((index) => [index, history.ops[index] as Operation] as const);
  const from = Math.min(...ops.map(([, op]) => op.invokedAt));
  const to = Math.max(...ops.map(([, op]) => (op.completion === 'info' ? op.invokedAt : op.completedAt)));
  const lines = [
    head,
    `voucher ${window.voucher}${window.state ? ` (model: ${window.state})` : ''}; time ${from}..${to} µs`,
  ];
  const calls = ops.map(([, op]) => describeCall(op));
  const callWidth = Math.max(...calls.map((call) => call.length));
  const clientWidth = Math.max(...ops.map(([, op]) => op.client.length));
  ops.forEach(([index, op], row) => {
    const others = ops
      .filter(([other, o]) => other !== index && overlap(op, o))
      .map(([other]) => `#${other}`);
    lines.push(
      `  #${pad(String(index), 5)} ${pad(op.client, clientWidth)} ${bar(op, from, to)} ${pad(calls[row] as string, callWidth)} -> ${describeResult(op)}${others.length ? `  overlaps ${others.join(' ')}` : ''}`,
    );
  });
  return lines.join('\n');
}
