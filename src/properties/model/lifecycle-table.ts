import type { ErrorCode } from '../../../spec/errors.ts';
import { type VoucherState, voucherStates } from '../../../spec/schemas/voucher.ts';
import type { Refusal } from './refusal.ts';
import { effectiveState, type ModelVoucher, type VoucherModel } from './voucher-model.ts';

/** What can be asked of a voucher: the lifecycle actions (LC-03..09) and the money on it (RD, LC-11). */
export const voucherOperations = [
  'startSale',
  'completeSale',
  'cancelSale',
  'startReturn',
  'completeReturn',
  'cancelReturn',
  'cancelVoucher',
  'restoreVoucher',
  'setValidity',
  'hold',
  'redeem',
  'topUp',
  'capture',
  'refund',
] as const;
export type VoucherOperation = (typeof voucherOperations)[number];

/** A cell's verdict as far as the voucher's state decides it: allowed, or refused with this code. */
export type CellVerdict = 'allowed' | ErrorCode;

const spend = (s: VoucherState): CellVerdict =>
  s === 'activated'
    ? 'allowed'
    : s === 'expired'
      ? 'voucher_expired'
      : s === 'canceled'
        ? 'voucher_canceled'
        : s === 'redeemed'
          ? 'voucher_redeemed'
          : 'voucher_not_active';

/** The lifecycle actions: allowed from the listed states (LC-03, LC-06, LC-08, LC-09, LC-05's manual change). */
const allowedFrom: Record<string, readonly VoucherState[]> = {
  startSale: ['prepared'],
  completeSale: ['activating'],
  cancelSale: ['activating'],
  startReturn: ['activated'],
  completeReturn: ['refunding'],
  cancelReturn: ['refunding'],
  cancelVoucher: ['prepared', 'activating', 'activated', 'refunding', 'expired'],
  restoreVoucher: ['canceled'],
  setValidity: ['prepared', 'activated', 'expired'],
};

/**
 * DOMAIN.md's lifecycle as a table, every state × operation, written from the requirements (not from the
 * model's rules, which test/properties/lifecycle-table.test.ts checks against it): an action from a
 * state that does not allow it is refused (LC-13) with the most specific code (an expired voucher is not
 * sold or returned: `voucher_expired`; a canceled one only restored: `voucher_canceled`); money moves
 * only on an activated voucher (LC-05, LC-07, LC-09, RD-02, LC-11); a refund is refused only after
 * validity or on a canceled voucher (RD-05, LC-05, LC-09).
 */
export function cellVerdict(state: VoucherState, op: VoucherOperation): CellVerdict {
  if (op === 'hold' || op === 'redeem' || op === 'topUp' || op === 'capture') return spend(state);
  if (op === 'refund')
    return state === 'expired' ? 'voucher_expired' : state === 'canceled' ? 'voucher_canceled' : 'allowed';
  if ((allowedFrom[op] ?? []).includes(state)) return 'allowed';
  if (state === 'expired' && (op === 'startSale' || op === 'startReturn')) return 'voucher_expired';
  if (state === 'canceled' && op !== 'cancelVoucher') return 'voucher_canceled';
  return 'illegal_transition';
}

/**
 * Cells no sequence of operations can reach, and why: a hold or a payment needs an activated voucher,
 * and a voucher with a live hold or any use is never returned (LC-08), so a refunding or refunded
 * voucher has neither a live hold to capture nor a payment to refund.
 */
export const unreachableCells: ReadonlyMap<string, string> = new Map([
  ['refunding:capture', 'a voucher with a live hold is not returned (LC-08: voucher_in_use)'],
  ['refunded:capture', 'a voucher with a live hold is not returned (LC-08: voucher_in_use)'],
  ['refunding:refund', 'a used voucher is not returned (LC-08)'],
  ['refunded:refund', 'a used voucher is not returned (LC-08)'],
]);

export const cellKey = (state: VoucherState, op: VoucherOperation): string => `${state}:${op}`;

/** Every cell of the table a voucher's life can reach: what voucher-life must exercise. */
export function reachableCells(): Array<{ state: VoucherState; op: VoucherOperation; verdict: CellVerdict }> {
  return voucherStates.flatMap((state) =>
    voucherOperations
      .filter((op) => !unreachableCells.has(cellKey(state, op)))
      .map((op) => ({ state, op, verdict: cellVerdict(state, op) })),
  );
}

/**
 * Notes that a command sent `op` for voucher `v` in its present state, when the model's prediction is
 * the table's verdict for that cell: the state's rule decided the answer (a top-up refused because the
 * type allows none says nothing of the state). The covered cells are kept on the model.
 */
export function reach(m: VoucherModel, v: ModelVoucher, op: VoucherOperation, predicted: Refusal): void {
  const state = effectiveState(m, v);
  const verdict = cellVerdict(state, op);
  if ((verdict === 'allowed' ? null : verdict) === predicted) m.reached.add(cellKey(state, op));
}
