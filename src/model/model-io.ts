import { holdTtlMicros } from '../history/hold-index.ts';
import {
  failCode,
  minorUnits,
  remainderAmount,
  requestedAmount,
  resultString,
} from '../history/op-fields.ts';
import type { Completion, HistoryMeta, Operation, OperationName } from '../history/operation.ts';

/** What the model needs to know of a call. */
export interface VoucherInput {
  op: OperationName;
  index: number;
  amount: number | null;
  target: string | null;
  /** Whether the partition saw the createHold of `target` (false: a hold from before the history). */
  knownHold: boolean;
  invokedAt: number;
  /** Infinity for an operation whose outcome is unknown. */
  completedAt: number;
  ttl: number;
}

/** What the model needs to know of a completion; null fields are not checked. */
export interface VoucherOutput {
  completion: Completion;
  code: string | null;
  id: string | null;
  amount: number | null;
  balance: number | null;
  balanceAfter: number | null;
  remainder: number | null;
  /**
   * An acknowledged answer without what the contract says it must tell the model (a read without a
   * balance, a hold without an id): the model accepts it, so a voucher with one is at best unknown.
   */
  blind?: boolean;
}

/** An answer that states nothing: every field null (not checked), completion ok. */
export const emptyOutput: Readonly<VoucherOutput> = Object.freeze({
  completion: 'ok',
  code: null,
  id: null,
  amount: null,
  balance: null,
  balanceAfter: null,
  remainder: null,
});

function balanceOf(op: Operation): number | null {
  if (op.completion !== 'ok') return null;
  const result = op.result as Record<string, unknown>;
  if (op.op === 'getBalance' || op.op === 'getLedger' || op.op === 'topUp') return minorUnits(result.balance);
  return null;
}

/** The model's view of a recorded operation. */
export function toModelIO(
  op: Operation,
  index: number,
  meta: HistoryMeta | null,
  knownHolds: Pick<ReadonlySet<string>, 'has'>,
): { input: VoucherInput; output: VoucherOutput } {
  const ok = op.completion === 'ok';
  const result = ok ? (op.result as Record<string, unknown>) : null;
  const target = op.target ?? null;
  const blind =
    ok &&
    (((op.op === 'getBalance' || op.op === 'getLedger') && balanceOf(op) === null) ||
      (op.op === 'createHold' && resultString(op, 'id') === null));
  return {
    input: {
      op: op.op,
      index,
      amount: requestedAmount(op),
      target,
      knownHold: target !== null && knownHolds.has(target),
      invokedAt: op.invokedAt,
      completedAt: op.completion === 'info' ? Number.POSITIVE_INFINITY : op.completedAt,
      ttl: op.op === 'createHold' ? holdTtlMicros(op, meta) : Number.POSITIVE_INFINITY,
    },
    output: {
      completion: op.completion,
      code: failCode(op),
      id: resultString(op, 'id'),
      amount: op.op === 'getLedger' || op.op === 'getBalance' ? null : minorUnits(result?.amount),
      balance: balanceOf(op),
      balanceAfter: minorUnits(result?.balanceAfter),
      remainder: result?.remainderVoucher ? remainderAmount(op) : null,
      ...(blind ? { blind } : {}),
    },
  };
}
