import {
  ARG_RECEIPT,
  FAIL,
  HOLD_ID,
  KEY,
  OK,
  REMAINDER,
  RESULT_ID,
  RESULT_RECEIPT,
  TARGET,
} from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { operationNames } from '../../history/operation.ts';
import { type HistoryTables, holdOf, type SlotRange } from './history-tables.ts';
import { OpStringSet } from './op-string-set.ts';

export const CAPTURE = operationNames.indexOf('captureHold');
export const REDEEM = operationNames.indexOf('redeem');
export const REFUND = operationNames.indexOf('refundRedemption');
export const TOP_UP = operationNames.indexOf('topUp');

const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/**
 * How an operation would move money if it happened (moneyEffect, read from the columns): direction,
 * amount (null: unknown), and, read only when a ledger is matched, the ids and receipt an entry may carry.
 */
export interface ColumnEffect {
  index: number;
  debit: boolean;
  amount: number | null;
  /** The first createHold of the hold the operation targets, or -1. */
  hold: number;
  ids?: string[];
  receipt?: string | null;
}

/** The effect of operation i, or null (a refusal, or an operation that moves no money). */
export function effectOf(history: HistoryColumns, tables: HistoryTables, i: number): ColumnEffect | null {
  const c = history.c;
  if (c.completion[i] === FAIL) return null;
  const kind = c.kind[i] as number;
  const ok = c.completion[i] === OK;
  if (kind === CAPTURE || kind === REDEEM) {
    const hold = holdOf(history, tables, i);
    let amount = ok ? orNull(c.resultAmount[i] as number) : null;
    amount ??= orNull(c.argAmount[i] as number);
    if (amount === null && hold >= 0) amount = holdAmount(history, hold);
    return { index: i, debit: true, amount, hold };
  }
  if (kind === REFUND || kind === TOP_UP) {
    let amount = kind === REFUND && ok ? orNull(c.resultAmount[i] as number) : null;
    amount ??= orNull(c.argAmount[i] as number);
    return { index: i, debit: false, amount, hold: -1 };
  }
  return null;
}

/** The amount of the hold created by operation `creator` (HoldFacts.amount). */
export function holdAmount(history: HistoryColumns, creator: number): number {
  return (
    orNull(history.c.resultAmount[creator] as number) ?? orNull(history.c.argAmount[creator] as number) ?? 0
  );
}

/** The ids a ledger entry may carry as operationId for the effect: redemption, refund or hold id. */
export function effectIds(history: HistoryColumns, effect: ColumnEffect): string[] {
  if (effect.ids) return effect.ids;
  const i = effect.index;
  const ok = history.c.completion[i] === OK;
  const ids: string[] = [];
  const push = (id: string | null) => {
    if (id !== null) ids.push(id);
  };
  if (effect.debit) {
    if (ok) {
      push(history.str(i, RESULT_ID));
      push(history.str(i, HOLD_ID));
    }
    if (history.c.kind[i] === CAPTURE) push(history.str(i, TARGET));
  } else if (history.c.kind[i] === REFUND) {
    if (ok) push(history.str(i, RESULT_ID));
    push(history.str(i, TARGET));
  }
  effect.ids = ids;
  return ids;
}

/** The receipt number an entry of the effect may carry. */
export function effectReceipt(history: HistoryColumns, effect: ColumnEffect): string | null {
  if (effect.receipt !== undefined) return effect.receipt;
  const i = effect.index;
  let receipt = effect.debit && history.c.completion[i] === OK ? history.str(i, RESULT_RECEIPT) : null;
  receipt ??= history.str(i, ARG_RECEIPT);
  if (receipt === null && effect.debit && effect.hold >= 0) receipt = history.str(effect.hold, ARG_RECEIPT);
  effect.receipt = receipt;
  return receipt;
}

/** The balance of the remainder voucher an acknowledged redeem-entire capture issued (remainderAmount). */
export function remainderOf(history: HistoryColumns, i: number): number {
  const c = history.c;
  if (c.completion[i] !== OK || ((c.flags[i] as number) & REMAINDER) === 0) return 0;
  return orNull(c.remainderBalance[i] as number) ?? 0;
}

/**
 * The effects of a voucher's operations in history order: `all` of them (what matchLedger weighs) and
 * the `distinct` ones (distinctMoneyEffects: a replayed answer, with an id already seen, moves nothing).
 */
export function voucherEffects(
  history: HistoryColumns,
  tables: HistoryTables,
  ops: SlotRange,
): { all: ColumnEffect[]; distinct: ColumnEffect[] } {
  const all: ColumnEffect[] = [];
  const distinct: ColumnEffect[] = [];
  let seen: OpStringSet | undefined;
  let seenKeys: OpStringSet | undefined;
  for (let i = ops.from; i < ops.to; i++) {
    const effect = effectOf(history, tables, i);
    if (!effect) continue;
    all.push(effect);
    if (history.c.completion[i] === OK) {
      // A top-up's answer is the voucher: its key, not its result id, says whether it is a replay.
      if (history.c.kind[i] === TOP_UP) {
        if (history.has(i, KEY)) {
          seenKeys ??= new OpStringSet(history, KEY, history.c.keyHash);
          if (seenKeys.addOrFind(i) >= 0) continue;
        }
      } else if (history.has(i, RESULT_ID)) {
        seen ??= new OpStringSet(history, RESULT_ID, history.c.idHash);
        if (seen.addOrFind(i) >= 0) continue;
      }
    }
    distinct.push(effect);
  }
  return { all, distinct };
}
