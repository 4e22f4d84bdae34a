import { INFO } from '../../history/column-layout.ts';
import { finalBalance } from '../../history/final-ledger.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { boundsMessage } from '../money-bounds.ts';
import type { Violation } from '../verdict.ts';
import type { MoneyCounts } from './checker-counts.ts';
import { type ColumnEffect, remainderOf } from './money-effects.ts';
import type { VoucherLedger } from './voucher-ledger.ts';

/**
 * Money bounds (src/checkers/money-bounds.ts) of one voucher, from its distinct money effects: the
 * acknowledged debits within the funds, the final balance within the bounds the unknown outcomes allow.
 */
export function voucherMoneyBounds(
  history: HistoryColumns,
  voucher: string,
  funds: number | null,
  distinct: readonly ColumnEffect[],
  ledger: VoucherLedger,
  counts: MoneyCounts,
): Violation[] {
  const completion = history.c.completion;
  const found: Violation[] = [];
  counts.vouchers += 1;
  let okDebits = 0;
  let okCredits = 0;
  let infoDebits = 0;
  let infoCredits = 0;
  let unboundedInfo = 0;
  let unknownAmounts = 0;
  const debitOps: number[] = [];
  const infoOps: number[] = [];
  for (const effect of distinct) {
    const index = effect.index;
    if (completion[index] === INFO) {
      infoOps.push(index);
      if (effect.amount === null) unboundedInfo += 1;
      else if (effect.debit) infoDebits += effect.amount;
      else infoCredits += effect.amount;
    } else if (effect.amount === null) {
      unknownAmounts += 1;
      if (effect.debit) debitOps.push(index);
    } else if (effect.debit) {
      okDebits += effect.amount + remainderOf(history, index);
      debitOps.push(index);
    } else okCredits += effect.amount;
  }
  counts.infoOps += infoOps.length;
  if (funds === null) {
    counts.withoutFunds += 1;
    return found;
  }
  counts.checked += 1;
  const most = funds + okCredits + infoCredits;
  if (okDebits > most)
    found.push({
      voucher,
      message: `acknowledged debits of ${okDebits} exceed the funds of at most ${most}`,
      ops: debitOps,
      severity: okDebits - most,
    });
  const final = finalBalance(ledger.ledger);
  if (final === null) {
    counts.withoutLedger += 1;
    return found;
  }
  // An acknowledged amount nobody told: only a negative balance is certain; the bounds are unknown.
  const blind = unknownAmounts > 0;
  if (blind) counts.unknownAmounts += unknownAmounts;
  const high = blind ? Number.POSITIVE_INFINITY : funds + okCredits + infoCredits - okDebits;
  const low = unboundedInfo > 0 || blind ? 0 : funds + okCredits - okDebits - infoDebits;
  if (final < low || final > high || final < 0)
    found.push({
      voucher,
      message: boundsMessage(final, low, high),
      ops: [...debitOps, ...infoOps],
      severity: Math.max(low - final, final - high, -final),
    });
  if (!ledger.ledger?.entries) return found;
  const happened = ledger.match.infoHappened.length;
  counts.infoHappened += happened;
  counts.infoNotHappened += infoOps.length - happened;
  return found;
}
