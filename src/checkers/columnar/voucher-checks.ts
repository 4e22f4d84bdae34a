import type { Policy } from '../../../spec/capabilities.ts';
import type { FinalLedger } from '../../history/final-ledger.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { Violation } from '../verdict.ts';
import { type ConservationCounts, type MoneyCounts, newCounts, type PolicyCounts } from './checker-counts.ts';
import { type HistoryTables, voucherSlots } from './history-tables.ts';
import { voucherEffects } from './money-effects.ts';
import { voucherConservation } from './voucher-conservation.ts';
import { VoucherLedger } from './voucher-ledger.ts';
import { voucherMoneyBounds } from './voucher-money-bounds.ts';
import { voucherPolicy } from './voucher-policy.ts';

/** What one thread needs to check its vouchers' money, ledgers and policy. */
export interface VoucherContext {
  history: HistoryColumns;
  tables: HistoryTables;
  /** Per voucher: its funds at the start (initialFunds), NaN when unknown. */
  funds: Float64Array;
  /** The final ledgers this thread holds; undefined when none were given. */
  ledgers: ReadonlyMap<string, FinalLedger> | undefined;
  /** Which checkers run: money bounds; conservation (only when some ledgers were given); idempotency's money. */
  money: boolean;
  conservation: boolean;
  moves: boolean;
  /** The policy, when the policy checker runs and the policy is known. */
  policy: Policy | undefined;
  oneTime: ReadonlySet<string>;
}

/** Violations found for one voucher (or ledger) by one checker, with where they belong in the order. */
export type Found = Array<[number, Violation[]]>;

/** The money-bounds, ledger-conservation and policy findings of one thread, and the money its keyed operations moved. */
export interface VoucherFindings {
  counts: { money: MoneyCounts; conservation: ConservationCounts; policy: PolicyCounts };
  money: Found;
  conservation: Found;
  policy: Found;
  /** Flat triples: operation index (of a key used more than once), entries it owns, money they moved. */
  moves: number[];
}

export function newFindings(): VoucherFindings {
  return {
    counts: { money: newCounts.money(), conservation: newCounts.conservation(), policy: newCounts.policy() },
    money: [],
    conservation: [],
    policy: [],
    moves: [],
  };
}

/** Keeps a voucher's violations, naming their operations by history index (the checkers work in slots). */
function note(history: HistoryColumns, found: Found, at: number, violations: Violation[]): void {
  if (violations.length === 0) return;
  for (const violation of violations) violation.ops = violation.ops.map((i) => history.indexOf[i] as number);
  found.push([at, violations]);
}

/**
 * One pass over voucher v's operations for money bounds, ledger conservation and policy, sharing its
 * money effects and one match of its ledger.
 */
export function checkVoucher(context: VoucherContext, v: number, findings: VoucherFindings): void {
  const { history, tables } = context;
  const voucher = history.vouchers[v] as string;
  const ops = voucherSlots(tables, v);
  const { all, distinct } = voucherEffects(history, tables, ops);
  const ledger = new VoucherLedger(history, context.ledgers?.get(voucher), all, ops);
  const funds = context.funds[v] as number;
  const { counts } = findings;
  if (context.money) {
    const known = Number.isNaN(funds) ? null : funds;
    note(
      history,
      findings.money,
      v,
      voucherMoneyBounds(history, voucher, known, distinct, ledger, counts.money),
    );
  }
  if (context.conservation)
    note(
      history,
      findings.conservation,
      v,
      voucherConservation(history, voucher, ledger, counts.conservation),
    );
  if (context.policy) {
    const facts = { policy: context.policy, oneTime: context.oneTime.has(voucher), funds };
    note(
      history,
      findings.policy,
      v,
      voucherPolicy(history, tables, voucher, facts, ops, distinct, counts.policy),
    );
  }
  if (context.moves && ledger.ledger?.entries) noteMoves(history, tables, ledger, findings.moves);
}

/** Ledger conservation of a ledger whose voucher the history never names; `at` orders it after the vouchers. */
export function checkLedgerAlone(
  context: VoucherContext,
  voucher: string,
  at: number,
  findings: VoucherFindings,
): void {
  const ledger = new VoucherLedger(context.history, context.ledgers?.get(voucher), [], { from: 0, to: 0 });
  note(
    context.history,
    findings.conservation,
    at,
    voucherConservation(context.history, voucher, ledger, findings.counts.conservation),
  );
}

/** The entries each operation of a repeated key owns (by history index), and their money (idempotency: moved at most once). */
function noteMoves(
  history: HistoryColumns,
  tables: HistoryTables,
  ledger: VoucherLedger,
  moves: number[],
): void {
  const { entries, match } = ledger;
  const moved = new Map<number, [number, number]>();
  for (const [position, index] of match.owner) {
    const entry = entries[position];
    if (!entry || entry.kind === 'remainder' || (tables.keyGroup[index] as number) < 0) continue;
    const sums = moved.get(index) ?? [0, 0];
    moved.set(index, [sums[0] + 1, sums[1] + Math.abs(entry.amount)]);
  }
  for (const [i, [count, amount]] of moved) moves.push(history.indexOf[i] as number, count, amount);
}
