import type { HoldFacts } from '../history/hold-index.ts';
import { minorUnits, requestedAmount, resultString } from '../history/op-fields.ts';
import type { Operation } from '../history/operation.ts';
import { distinctMoneyEffects } from './money-effect.ts';
import type { Violation } from './verdict.ts';

interface Use {
  index: number;
  op: Operation;
  id: string | null;
  amount: number;
}

/** Whether `refund` gave back all of the use: no amount asked, the use's whole amount, or a total that says so. */
function fullRefundOf(refund: Operation, use: Use): boolean {
  if (refund.op !== 'refundRedemption' || refund.completion !== 'ok' || use.id === null) return false;
  if (refund.target !== use.id) return false;
  const total = minorUnits((refund.result as Record<string, unknown>).refundedTotal);
  const asked = requestedAmount(refund);
  return asked === null || asked >= use.amount || (total !== null && total >= use.amount);
}

/**
 * LC-07: a one-time voucher is used once. Each acknowledged capture or redemption after the first is a
 * violation, unless a refund of all of the use before it may have come first: called before it was
 * answered (a full reversal reopens the voucher; one racing the next use may have reopened it in time).
 */
export function extraUses(
  voucher: string,
  ops: readonly Operation[],
  indices: readonly number[],
  holds: ReadonlyMap<string, HoldFacts>,
): Violation[] {
  const uses: Use[] = [];
  for (const { index, op, effect } of distinctMoneyEffects(ops, indices, holds)) {
    if (op.completion !== 'ok' || effect.direction !== 'debit') continue;
    uses.push({ index, op, id: resultString(op, 'id'), amount: effect.amount ?? 0 });
  }
  if (uses.length < 2) return [];
  uses.sort((a, b) => a.op.invokedAt - b.op.invokedAt);
  const refunds = indices
    .map((index) => ops[index] as Operation)
    .filter((op) => op.op === 'refundRedemption');
  const extra: Use[] = [];
  for (let k = 1; k < uses.length; k++) {
    const before = uses[k - 1] as Use;
    const use = uses[k] as Use;
    // A refund that may have come first (called before the use was answered) may have reopened it.
    const reopened = refunds.some((r) => fullRefundOf(r, before) && r.invokedAt < use.op.completedAt);
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
