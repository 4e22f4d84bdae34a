import type { Policy } from '../../../spec/capabilities.ts';
import type { LedgerEntry } from '../../../spec/schemas/ledger.ts';
import { INFO } from '../../history/column-layout.ts';
import { type FinalLedger, finalBalance, runEntries } from '../../history/final-ledger.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { Operation } from '../../history/operation.ts';
import { overlappingHolds } from '../exclusive-holds.ts';
import { checkLedgerArithmetic } from '../ledger-arithmetic.ts';
import type { LedgerMatch } from '../ledger-match.ts';
import { boundsMessage } from '../money-bounds.ts';
import type { Violation } from '../verdict.ts';
import { type Counts, newCounts } from './checker-counts.ts';
import type { HistoryTables } from './history-tables.ts';
import { holdIntervalsOf, voucherHoldIntervals } from './hold-intervals.ts';
import { matchVoucherLedger } from './ledger-match.ts';
import { type ColumnEffect, remainderOf, voucherEffects } from './money-effects.ts';
import { extraUsesColumns, overHeldColumns } from './policy-rules.ts';

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
  counts: { money: Counts; conservation: Counts; policy: Counts };
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

function amountOf(op: Operation): number {
  const result = op.result as { amount?: { amount?: number } } | null;
  return result?.amount?.amount ?? 0;
}

/**
 * One pass over voucher v's operations for money bounds, ledger conservation and policy, sharing its
 * money effects and one match of its ledger (the object checkers each make their own).
 */
export function checkVoucher(context: VoucherContext, v: number, findings: VoucherFindings): void {
  const { history, tables } = context;
  const meta = history.meta;
  const voucher = history.vouchers[v] as string;
  const ops = tables.partOps.subarray(tables.partStart[v], tables.partStart[v + 1]);
  const { all, distinct } = voucherEffects(history, tables, ops);
  const ledger = context.ledgers?.get(voucher);
  let entries: LedgerEntry[] | undefined;
  let match: LedgerMatch | undefined;
  const matched = (): LedgerMatch => {
    entries ??= runEntries(ledger as FinalLedger, meta);
    match ??= matchVoucherLedger(history, all, ops, entries);
    return match;
  };
  const funds = context.funds[v] as number;
  if (context.money)
    moneyBounds(context, voucher, v, Number.isNaN(funds) ? null : funds, distinct, ledger, matched, findings);
  if (context.conservation) conserve(context, voucher, v, ledger, all, ops, findings);
  if (context.policy) policy(context, voucher, v, ops, distinct, findings);
  if (context.moves && context.ledgers && ledger?.entries) {
    const owner = matched().owner;
    const moved = new Map<number, number[]>();
    for (const [position, index] of owner) {
      const entry = (entries as LedgerEntry[])[position] as LedgerEntry;
      if (entry.kind === 'remainder' || (tables.keyGroup[index] as number) < 0) continue;
      const sums = moved.get(index) ?? [0, 0];
      sums[0] = (sums[0] as number) + 1;
      sums[1] = (sums[1] as number) + Math.abs(entry.amount);
      moved.set(index, sums);
    }
    for (const [index, [count, amount]] of moved)
      findings.moves.push(index, count as number, amount as number);
  }
}

function moneyBounds(
  context: VoucherContext,
  voucher: string,
  v: number,
  funds: number | null,
  distinct: readonly ColumnEffect[],
  ledger: FinalLedger | undefined,
  matched: () => LedgerMatch,
  findings: VoucherFindings,
): void {
  const { history } = context;
  const c = history.c;
  const counts = findings.counts.money;
  const found: Violation[] = [];
  counts.vouchers = (counts.vouchers as number) + 1;
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
    if (c.completion[index] === INFO) {
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
  counts.infoOps = (counts.infoOps as number) + infoOps.length;
  const done = () => {
    if (found.length > 0) findings.money.push([v, found]);
  };
  if (funds === null) {
    counts.withoutFunds = (counts.withoutFunds as number) + 1;
    return;
  }
  counts.checked = (counts.checked as number) + 1;
  const most = funds + okCredits + infoCredits;
  if (okDebits > most)
    found.push({
      voucher,
      message: `acknowledged debits of ${okDebits} exceed the funds of at most ${most}`,
      ops: debitOps,
      severity: okDebits - most,
    });
  const final = finalBalance(ledger);
  if (final === null) {
    counts.withoutLedger = (counts.withoutLedger as number) + 1;
    done();
    return;
  }
  // An acknowledged amount nobody told: only a negative balance is certain; the bounds are unknown.
  const blind = unknownAmounts > 0;
  if (blind) counts.unknownAmounts = (counts.unknownAmounts as number) + unknownAmounts;
  const high = blind ? Number.POSITIVE_INFINITY : funds + okCredits + infoCredits - okDebits;
  const low = unboundedInfo > 0 || blind ? 0 : funds + okCredits - okDebits - infoDebits;
  if (final < low || final > high || final < 0)
    found.push({
      voucher,
      message: boundsMessage(final, low, high),
      ops: [...debitOps, ...infoOps],
      severity: Math.max(low - final, final - high, -final),
    });
  done();
  if (!ledger?.entries) return;
  const happened = matched().infoHappened.length;
  counts.infoHappened = (counts.infoHappened as number) + happened;
  counts.infoNotHappened = (counts.infoNotHappened as number) + infoOps.length - happened;
}

/** Ledger conservation of one voucher; `at` orders its findings (voucher number, or after them for a ledger alone). */
export function conserve(
  context: VoucherContext,
  voucher: string,
  at: number,
  ledger: FinalLedger | undefined,
  all: readonly ColumnEffect[],
  ops: Int32Array,
  findings: VoucherFindings,
): void {
  const { history } = context;
  const counts = findings.counts.conservation;
  counts.vouchers = (counts.vouchers as number) + 1;
  if (!ledger?.entries) {
    counts.withoutLedger = (counts.withoutLedger as number) + 1;
    return;
  }
  counts.ledgers = (counts.ledgers as number) + 1;
  const entries = runEntries(ledger, history.meta);
  counts.entries = (counts.entries as number) + entries.length;
  const match = matchVoucherLedger(history, all, ops, entries);
  const found: Violation[] = [];
  const ownerOfSeq = new Map<number, number>();
  for (const [position, index] of match.owner) ownerOfSeq.set((entries[position] as LedgerEntry).seq, index);
  for (const broken of checkLedgerArithmetic(ledger)) {
    const owner = ownerOfSeq.get(broken.seq);
    found.push({
      voucher,
      message: `ledger: ${broken.message}`,
      ops: owner === undefined ? [] : [owner],
      severity: broken.severity,
    });
  }
  counts.matched = (counts.matched as number) + match.owner.size;
  counts.infoHappened = (counts.infoHappened as number) + match.infoHappened.length;
  counts.unexplainedCredits = (counts.unexplainedCredits as number) + match.unexplainedCredits.length;
  for (const index of match.missing) {
    found.push({
      voucher,
      message: `acknowledged ${history.opName(index)} by ${history.clients[history.c.client[index] as number]} is missing from the ledger`,
      ops: [index],
      severity: amountOf(history.op(index)),
    });
  }
  for (const { op, entries: twice } of match.duplicated) {
    const seqs = twice.map((position) => (entries[position] as LedgerEntry).seq).join(', ');
    found.push({
      voucher,
      message: `${history.opName(op)} appears ${twice.length} times in the ledger (entries ${seqs})`,
      ops: [op],
      severity: amountOf(history.op(op)),
    });
  }
  for (const position of match.unexplainedDebits) {
    const entry = entries[position] as LedgerEntry;
    found.push({
      voucher,
      message: `ledger entry ${entry.seq} (${entry.kind} ${entry.amount}) has no operation that asked for it`,
      ops: [],
      severity: Math.abs(entry.amount),
    });
  }
  if (found.length > 0) findings.conservation.push([at, found]);
}

function policy(
  context: VoucherContext,
  voucher: string,
  v: number,
  ops: Int32Array,
  distinct: readonly ColumnEffect[],
  findings: VoucherFindings,
): void {
  const { history, tables } = context;
  const counts = findings.counts.policy;
  const found: Violation[] = [];
  counts.vouchers = (counts.vouchers as number) + 1;
  if (context.oneTime.has(voucher)) {
    counts.oneTimeVouchers = (counts.oneTimeVouchers as number) + 1;
    found.push(...extraUsesColumns(history, voucher, ops, distinct));
  }
  const intervals = voucherHoldIntervals(history, tables, ops, history.meta, tables.end + 1);
  counts.holds = (counts.holds as number) + intervals.length;
  if (context.policy === 'exclusive-hold' || context.policy === 'redeem-entire')
    found.push(...overlappingHolds(voucher, holdIntervalsOf(history, intervals, history.meta)));
  if (context.policy === 'amount-holds' && intervals.length >= 1) {
    const funds = context.funds[v] as number;
    if (Number.isNaN(funds)) counts.withoutFunds = (counts.withoutFunds as number) + 1;
    else found.push(...overHeldColumns(history, voucher, funds, intervals, distinct));
  }
  if (found.length > 0) findings.policy.push([v, found]);
}
