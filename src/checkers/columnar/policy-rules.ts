import { OK, RESULT_ID, TARGET } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { Violation } from '../verdict.ts';
import type { SlotRange } from './history-tables.ts';
import type { ColumnInterval } from './hold-intervals.ts';
import { type ColumnEffect, holdAmount, REFUND } from './money-effects.ts';

// At one instant: credits and hold ends first, then debits and hold starts (never a false alarm).
const order = { credit: 0, holdEnd: 1, debit: 2, holdStart: 3 } as const;
type Kind = keyof typeof order;
interface Event {
  at: number;
  kind: Kind;
  amount: number;
  op: number;
}

/** overHeld (src/checkers/amount-holds.ts) over the columns, from the voucher's distinct money effects. */
export function overHeldColumns(
  history: HistoryColumns,
  voucher: string,
  funds: number,
  intervals: readonly ColumnInterval[],
  distinct: readonly ColumnEffect[],
): Violation[] {
  const c = history.c;
  const events: Event[] = [];
  for (const interval of intervals) {
    const amount = holdAmount(history, interval.creator);
    events.push({ at: interval.start, kind: 'holdStart', amount, op: interval.creator });
    events.push({ at: interval.end, kind: 'holdEnd', amount, op: interval.creator });
  }
  for (const effect of distinct) {
    const index = effect.index;
    if (!effect.debit)
      events.push({
        at: c.invokedAt[index] as number,
        kind: 'credit',
        amount: effect.amount ?? Number.POSITIVE_INFINITY,
        op: index,
      });
    else if (c.completion[index] === OK)
      events.push({
        at: c.completedAt[index] as number,
        kind: 'debit',
        amount: effect.amount ?? 0,
        op: index,
      });
  }
  events.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);
  const violations: Violation[] = [];
  const open = new Set<number>();
  let most = funds;
  let held = 0;
  for (const event of events) {
    if (event.kind === 'credit') most += event.amount;
    else if (event.kind === 'debit') most -= event.amount;
    else if (event.kind === 'holdEnd') {
      held -= event.amount;
      open.delete(event.op);
    } else {
      held += event.amount;
      open.add(event.op);
    }
    if ((event.kind === 'holdStart' || event.kind === 'debit') && held > most)
      violations.push({
        voucher,
        message: `open holds of ${held} exceed the balance of at most ${most}`,
        ops: [...open, ...(event.kind === 'debit' ? [event.op] : [])],
        severity: held - most,
      });
  }
  return violations;
}

interface Use {
  index: number;
  amount: number;
}

/** Whether `refund` gave back all of the use (fullRefundOf in src/checkers/one-time-uses.ts). */
function fullRefundOf(history: HistoryColumns, refund: number, use: Use): boolean {
  const c = history.c;
  if (c.kind[refund] !== REFUND || c.completion[refund] !== OK || !history.has(use.index, RESULT_ID))
    return false;
  if (!history.same(refund, TARGET, use.index, RESULT_ID)) return false;
  const total = c.refundedTotal[refund] as number;
  const asked = c.argAmount[refund] as number;
  return Number.isNaN(asked) || asked >= use.amount || (!Number.isNaN(total) && total >= use.amount);
}

/** extraUses (LC-07, src/checkers/one-time-uses.ts) over the columns. */
export function extraUsesColumns(
  history: HistoryColumns,
  voucher: string,
  ops: SlotRange,
  distinct: readonly ColumnEffect[],
): Violation[] {
  const c = history.c;
  const uses: Use[] = [];
  for (const effect of distinct)
    if (c.completion[effect.index] === OK && effect.debit)
      uses.push({ index: effect.index, amount: effect.amount ?? 0 });
  if (uses.length < 2) return [];
  uses.sort((a, b) => (c.invokedAt[a.index] as number) - (c.invokedAt[b.index] as number));
  const refunds: number[] = [];
  for (let i = ops.from; i < ops.to; i++) if (c.kind[i] === REFUND) refunds.push(i);
  const extra: Use[] = [];
  for (let k = 1; k < uses.length; k++) {
    const before = uses[k - 1] as Use;
    const use = uses[k] as Use;
    const answeredAt = c.completedAt[use.index] as number;
    const reopened = refunds.some(
      (r) => fullRefundOf(history, r, before) && (c.invokedAt[r] as number) < answeredAt,
    );
    if (!reopened) extra.push(use);
  }
  if (extra.length === 0) return [];
  const taken = extra.reduce((sum, use) => sum + use.amount, 0);
  return [
    {
      voucher,
      message: `one-time voucher used ${extra.length + 1} times: ${extra.length} use(s) after the first took ${taken} more`,
      ops: uses.map((use) => use.index),
      severity: Math.max(1, taken),
    },
  ];
}
