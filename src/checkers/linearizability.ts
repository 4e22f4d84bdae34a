import type { Policy } from '../../spec/capabilities.ts';
import { clockMovesOf } from '../history/clock-moves.ts';
import { initialFunds } from '../history/final-ledger.ts';
import { createdHoldIds, knownHoldsOf } from '../history/hold-index.ts';
import { voucherModel } from '../model/voucher-model.ts';
import type { CheckInput } from './check-input.ts';
import { linWindow } from './lin-window.ts';
import { logicalOps } from './logical-ops.ts';
import { type SearchBudget, searchBudget } from './search-budget.ts';
import type { Verdict, Violation } from './verdict.ts';
import { wglSearch } from './wgl-search.ts';

export interface LinearizabilityOptions {
  /** The policy the system claims; defaults to the history's meta line. */
  policy?: Policy;
  /** Give up (unknown, never a pass) after this long; default 30 s for the whole history. */
  timeLimitMs?: number;
  /** Give up after this many model steps in all (deterministic limit for tests). */
  maxSteps?: number;
  budget?: SearchBudget;
  /** Partitions of this many logical operations or more are searched with hashed memo keys (default 2048). */
  hashFrom?: number;
  /** Filled in with the milliseconds spent building each voucher's operations and searching them (benchmarks). */
  timings?: LinearizabilityTimings;
}

export interface LinearizabilityTimings {
  /** Partitioning, merging retries and reading each operation's input and output for the model. */
  buildMs: number;
  /** The search over the model operations (what Porcupine's check does). */
  searchMs: number;
}

/**
 * Linearizability of each voucher's operations against the voucher model (Porcupine's algorithm,
 * partitioned per voucher). False names the window of operations that no order explains.
 */
export function checkLinearizability(input: CheckInput, options: LinearizabilityOptions = {}): Verdict {
  const { ops, meta } = input.history;
  const policy = options.policy ?? meta?.policy;
  const counts = {
    vouchers: 0,
    ops: ops.length,
    logicalOps: 0,
    linearizable: 0,
    notLinearizable: 0,
    unknown: 0,
    withoutFunds: 0,
    blindAnswers: 0,
    steps: 0,
  };
  if (!policy)
    return {
      checker: 'linearizability',
      valid: 'unknown',
      counts,
      reason: 'the policy is not known: give it in the meta line or as an option',
    };
  const model = voucherModel(policy, new Set(meta?.oneTime ?? []), clockMovesOf(ops));
  const budget = options.budget ?? searchBudget(options.timeLimitMs ?? 30_000, options.maxSteps);
  let everyHold: Set<string> | undefined;
  const everywhere = () => (everyHold ??= createdHoldIds(ops));
  const violations: Violation[] = [];
  let state: string | undefined;
  const clock = options.timings ? () => performance.now() : () => 0;
  const started = clock();
  let searchMs = 0;
  for (const [voucher, indices] of model.partition(ops)) {
    counts.vouchers += 1;
    const funds = initialFunds(voucher, meta, input.ledgers);
    if (funds === null) {
      counts.withoutFunds += 1;
      counts.unknown += 1;
      continue;
    }
    const logical = logicalOps(ops, indices, meta, knownHoldsOf(ops, indices, everywhere));
    counts.logicalOps += logical.length;
    const searching = clock();
    const result = wglSearch(model, model.init(funds, voucher), logical, budget, options.hashFrom);
    searchMs += clock() - searching;
    counts.steps += result.steps;
    const blind = logical.filter((op) => op.output.blind).length;
    counts.blindAnswers += blind;
    if (result.valid === true && blind > 0) counts.unknown += 1;
    else if (result.valid === true) counts.linearizable += 1;
    else if (result.valid === 'unknown') counts.unknown += 1;
    else {
      counts.notLinearizable += 1;
      const window = linWindow(logical, result.stuck);
      if (violations.length === 0) state = model.describe(result.stuck.state);
      violations.push({
        voucher,
        message: `no order of ${window.length} operations explains their results (model: ${model.describe(result.stuck.state)})`,
        ops: window,
        severity: result.stuck.pending.length,
      });
    }
  }
  if (options.timings) {
    options.timings.searchMs = searchMs;
    options.timings.buildMs = clock() - started - searchMs;
  }
  const valid = counts.notLinearizable > 0 ? false : counts.unknown > 0 ? 'unknown' : true;
  const verdict: Verdict = {
    checker: 'linearizability',
    valid,
    counts: { ...counts, violations: violations.length },
  };
  if (valid === 'unknown')
    verdict.reason =
      counts.blindAnswers > 0
        ? `${counts.blindAnswers} acknowledged answer(s) do not tell what the model needs (a balance, a hold id)`
        : counts.withoutFunds > 0 && counts.withoutFunds === counts.unknown
          ? 'the funds of some vouchers are not known'
          : 'the time or step limit ran out';
  const first = violations[0];
  if (first) {
    verdict.first = first;
    verdict.worst = violations.reduce((worst, v) => (v.severity > worst.severity ? v : worst), first);
    verdict.window = { voucher: first.voucher, ops: first.ops, ...(state ? { state } : {}) };
  }
  return verdict;
}
