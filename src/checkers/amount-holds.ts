import type { HoldFacts } from '../history/hold-index.ts';
import type { Operation } from '../history/operation.ts';
import type { HoldInterval } from './hold-intervals.ts';
import { distinctMoneyEffects } from './money-effect.ts';
import type { Violation } from './verdict.ts';

// At one instant: credits and hold ends first, then debits and hold starts (never a false alarm).
const order = { credit: 0, holdEnd: 1, debit: 2, holdStart: 3 } as const;
type Kind = keyof typeof order;
interface Event {
  at: number;
  kind: Kind;
  amount: number;
  op: number;
}

/**
 * Amount holds: the acknowledged holds certainly open at any instant never add up to more than the
 * most the balance can have been then (funds, plus credits already asked for, minus debits acknowledged).
 */
export function overHeld(
  voucher: string,
  funds: number,
  ops: readonly Operation[],
  indices: readonly number[],
  intervals: readonly HoldInterval[],
  holds: ReadonlyMap<string, HoldFacts>,
): Violation[] {
  const events: Event[] = [];
  for (const interval of intervals) {
    const { amount, createdBy } = interval.hold;
    events.push({ at: interval.start, kind: 'holdStart', amount, op: createdBy });
    events.push({ at: interval.end, kind: 'holdEnd', amount, op: createdBy });
  }
  for (const { index, op, effect } of distinctMoneyEffects(ops, indices, holds)) {
    if (effect.direction === 'credit')
      events.push({
        at: op.invokedAt,
        kind: 'credit',
        amount: effect.amount ?? Number.POSITIVE_INFINITY,
        op: index,
      });
    else if (op.completion === 'ok')
      events.push({ at: op.completedAt, kind: 'debit', amount: effect.amount ?? 0, op: index });
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
