import type { Policy } from '../../../spec/capabilities.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { overlappingHolds } from '../exclusive-holds.ts';
import type { Violation } from '../verdict.ts';
import type { PolicyCounts } from './checker-counts.ts';
import { clockOf, type HistoryTables, type SlotRange } from './history-tables.ts';
import { holdIntervalsOf, voucherHoldIntervals } from './hold-intervals.ts';
import type { ColumnEffect } from './money-effects.ts';
import { extraUsesColumns, overHeldColumns } from './policy-rules.ts';

/**
 * The policy checker (src/checkers/policy.ts) on one voucher: one use of a one-time voucher, no two
 * holds open at once under exclusive-hold and redeem-entire, open holds within the funds under amount-holds.
 */
export function voucherPolicy(
  history: HistoryColumns,
  tables: HistoryTables,
  voucher: string,
  facts: { policy: Policy; oneTime: boolean; funds: number },
  ops: SlotRange,
  distinct: readonly ColumnEffect[],
  counts: PolicyCounts,
): Violation[] {
  const found: Violation[] = [];
  counts.vouchers += 1;
  if (facts.oneTime) {
    counts.oneTimeVouchers += 1;
    found.push(...extraUsesColumns(history, voucher, ops, distinct));
  }
  const clock = clockOf(tables);
  const intervals = voucherHoldIntervals(history, tables, ops, history.meta, tables.end + 1, clock);
  counts.holds += intervals.length;
  if (facts.policy === 'exclusive-hold' || facts.policy === 'redeem-entire')
    found.push(...overlappingHolds(voucher, holdIntervalsOf(history, intervals, history.meta, clock)));
  if (facts.policy === 'amount-holds' && intervals.length >= 1) {
    if (Number.isNaN(facts.funds)) counts.withoutFunds += 1;
    else found.push(...overHeldColumns(history, voucher, facts.funds, intervals, distinct));
  }
  return found;
}
