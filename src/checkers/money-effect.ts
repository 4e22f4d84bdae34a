import type { HoldFacts } from '../history/hold-index.ts';
import {
  answerIdentity,
  creditOps,
  debitOps,
  receiptNumber,
  requestedAmount,
  resultAmount,
  resultString,
} from '../history/op-fields.ts';
import type { Operation } from '../history/operation.ts';

/** How an operation would move money if it happened: direction, amount (null: unknown) and its ids. */
export interface MoneyEffect {
  direction: 'debit' | 'credit';
  amount: number | null;
  /** Ids a ledger entry may carry as operationId for it: redemption, refund or hold id. */
  ids: string[];
  receipt: string | null;
}

/** The money effect of an acknowledged or indeterminate debit or credit; null for anything else. */
export function moneyEffect(op: Operation, holds: ReadonlyMap<string, HoldFacts>): MoneyEffect | null {
  if (op.completion === 'fail') return null;
  const hold = op.target ? holds.get(op.target) : undefined;
  const ids = [
    resultString(op, 'id'),
    resultString(op, 'holdId'),
    op.op === 'captureHold' ? op.target : null,
  ];
  const known = ids.filter((id): id is string => typeof id === 'string');
  const resultReceipt = op.completion === 'ok' ? receiptNumber(op.result) : null;
  if (debitOps.has(op.op)) {
    const amount = resultAmount(op, 'amount') ?? requestedAmount(op) ?? hold?.amount ?? null;
    const receipt = resultReceipt ?? receiptNumber(op.args) ?? hold?.receipt ?? null;
    return { direction: 'debit', amount, ids: known, receipt };
  }
  if (creditOps.has(op.op)) {
    const amount =
      op.op === 'refundRedemption'
        ? (resultAmount(op, 'amount') ?? requestedAmount(op))
        : requestedAmount(op);
    const refundIds = [resultString(op, 'id'), op.target ?? null].filter((id): id is string => id !== null);
    return {
      direction: 'credit',
      amount,
      ids: op.op === 'refundRedemption' ? refundIds : [],
      receipt: receiptNumber(op.args),
    };
  }
  return null;
}

/**
 * The money effects of a voucher's operations, in history order, each answer counted once: a replayed
 * answer (same result id) moves nothing more.
 */
export function distinctMoneyEffects(
  ops: readonly Operation[],
  indices: readonly number[],
  holds: ReadonlyMap<string, HoldFacts>,
): Array<{ index: number; op: Operation; effect: MoneyEffect }> {
  const seen = new Set<string>();
  const effects: Array<{ index: number; op: Operation; effect: MoneyEffect }> = [];
  for (const index of indices) {
    const op = ops[index] as Operation;
    const effect = moneyEffect(op, holds);
    if (!effect) continue;
    const id = answerIdentity(op);
    if (id !== null) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    effects.push({ index, op, effect });
  }
  return effects;
}
