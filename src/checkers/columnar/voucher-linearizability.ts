import { FAIL, OK } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { HistoryMeta } from '../../history/operation.ts';
import type { Model } from '../../model/model.ts';
import type { VoucherInput, VoucherOutput } from '../../model/model-io.ts';
import type { VoucherState } from '../../model/voucher-state.ts';
import { requestSignature } from '../key-groups.ts';
import { linWindow } from '../lin-window.ts';
import type { LogicalOp } from '../logical-ops.ts';
import type { SearchBudget } from '../search-budget.ts';
import type { Violation } from '../verdict.ts';
import { wglSearch } from '../wgl-search.ts';
import type { LinearizabilityCounts } from './checker-counts.ts';
import { type HistoryTables, type SlotRange, voucherSlots } from './history-tables.ts';
import { modelIO } from './model-io-columns.ts';

/** The rank of an answer for choosing a retry group's representative (representative in logical-ops.ts). */
function rank(history: HistoryColumns, i: number): number {
  const completion = history.c.completion[i];
  if (completion === OK) return 0;
  if (completion === FAIL) return ((history.c.flags[i] as number) & 2) === 0 ? 1 : 3;
  return 2;
}

/**
 * logicalOps (src/checkers/logical-ops.ts) over the columns: retries that share a key and a request are
 * one operation; groups first (keys in order of first use, requests in order of first use), then the
 * single operations in history order. Only operations whose key the history uses more than once are
 * read as objects (to compare their requests).
 */
export function columnLogicalOps(
  history: HistoryColumns,
  tables: HistoryTables,
  ops: SlotRange,
  meta: HistoryMeta | null,
): LogicalOp[] {
  const c = history.c;
  let byKey: Map<number, number[]> | undefined;
  for (let i = ops.from; i < ops.to; i++) {
    const group = tables.keyGroup[i] as number;
    if (group < 0) continue;
    byKey ??= new Map();
    const list = byKey.get(group);
    if (list) list.push(i);
    else byKey.set(group, [i]);
  }
  const logical: LogicalOp[] = [];
  const grouped = new Set<number>();
  for (const members of byKey?.values() ?? []) {
    if (members.length < 2) continue;
    const bySignature = new Map<string, number[]>();
    for (const index of members) {
      const signature = requestSignature(history.op(index));
      bySignature.set(signature, [...(bySignature.get(signature) ?? []), index]);
    }
    for (const same of bySignature.values()) {
      if (same.length < 2) continue;
      let chosen = same[0] as number;
      for (const index of same) {
        grouped.add(index);
        const better = rank(history, index) - rank(history, chosen);
        if (
          better < 0 ||
          (better === 0 && (c.completedAt[index] as number) < (c.completedAt[chosen] as number))
        )
          chosen = index;
      }
      const { input, output } = modelIO(history, tables, chosen, meta);
      for (const index of same) input.invokedAt = Math.min(input.invokedAt, c.invokedAt[index] as number);
      logical.push({ members: same, input, output, call: input.invokedAt, ret: input.completedAt });
    }
  }
  for (let index = ops.from; index < ops.to; index++) {
    if (grouped.has(index)) continue;
    const { input, output } = modelIO(history, tables, index, meta);
    logical.push({ members: [index], input, output, call: input.invokedAt, ret: input.completedAt });
  }
  return logical;
}

/** A voucher that no order explains: the violation, and the model's state where the search got furthest. */
export type LinFound = Array<[number, Violation, string]>;

/** checkLinearizability's work for voucher v (its funds known or not), adding to `counts` and `found`. */
export function checkVoucherLinearizability(
  history: HistoryColumns,
  tables: HistoryTables,
  v: number,
  funds: number,
  model: Model<VoucherState, VoucherInput, VoucherOutput>,
  search: { budget: SearchBudget; hashFrom?: number },
  counts: LinearizabilityCounts,
  found: LinFound,
): void {
  counts.vouchers += 1;
  if (Number.isNaN(funds)) {
    counts.withoutFunds += 1;
    counts.unknown += 1;
    return;
  }
  const voucher = history.vouchers[v] as string;
  const ops = voucherSlots(tables, v);
  const logical = columnLogicalOps(history, tables, ops, history.meta);
  counts.logicalOps += logical.length;
  const result = wglSearch(model, model.init(funds, voucher), logical, search.budget, search.hashFrom);
  counts.steps += result.steps;
  let blind = 0;
  for (const op of logical) if (op.output.blind) blind++;
  counts.blindAnswers += blind;
  if (result.valid === true && blind > 0) counts.unknown += 1;
  else if (result.valid === true) counts.linearizable += 1;
  else if (result.valid === 'unknown') counts.unknown += 1;
  else {
    counts.notLinearizable += 1;
    const window = linWindow(logical, result.stuck);
    const state = model.describe(result.stuck.state);
    found.push([
      v,
      {
        voucher,
        message: `no order of ${window.length} operations explains their results (model: ${state})`,
        ops: window.map((i) => history.indexOf[i] as number),
        severity: result.stuck.pending.length,
      },
      state,
    ]);
  }
}
