import { type Verdict, type Violation, ViolationLog } from '../verdict.ts';
import type { CheckDone } from './check-thread.ts';
import { addCounts, newCounts } from './checker-counts.ts';
import type { Found } from './voucher-checks.ts';

/**
 * The verdicts of the checkers that threads ran voucher by voucher, made as the object checkers make
 * them: counts added up, and the violations logged in the order those checkers meet them (vouchers in
 * order of first appearance, then ledgers alone), so that first, worst and window are the same.
 */
function logInOrder(found: Found[]): ViolationLog {
  const log = new ViolationLog();
  const all = found.flat().sort((a, b) => a[0] - b[0]);
  for (const [, violations] of all) for (const violation of violations) log.add(violation);
  return log;
}

function sum<C extends Record<string, number>>(
  done: readonly CheckDone[],
  pick: (one: CheckDone) => C,
  fresh: () => C,
): C {
  const counts = fresh();
  for (const one of done) addCounts(counts, pick(one));
  return counts;
}

export function moneyVerdict(done: readonly CheckDone[]): Verdict {
  const counts = sum(done, (one) => one.side.counts.money, newCounts.money);
  const log = logInOrder(done.map((one) => one.side.money));
  const incomplete = counts.withoutFunds + counts.withoutLedger + counts.unknownAmounts;
  const verdict = log.verdict('money-bounds', counts, incomplete > 0 ? 'unknown' : true);
  if (verdict.valid === 'unknown')
    verdict.reason =
      counts.unknownAmounts > 0
        ? `${counts.unknownAmounts} acknowledged operation(s) do not tell their amount: bounds not fully checked`
        : `${incomplete} voucher(s) lack their initial funds or final balance: bounds not fully checked`;
  return verdict;
}

export function conservationVerdict(done: readonly CheckDone[], ledgersRead: boolean): Verdict {
  if (!ledgersRead) {
    const verdict = new ViolationLog().verdict('ledger-conservation', newCounts.conservation(), 'unknown');
    verdict.reason = 'no final ledgers were given';
    return verdict;
  }
  const counts = sum(done, (one) => one.side.counts.conservation, newCounts.conservation);
  const log = logInOrder(done.map((one) => one.side.conservation));
  const verdict = log.verdict('ledger-conservation', counts, counts.withoutLedger > 0 ? 'unknown' : true);
  if (verdict.valid === 'unknown')
    verdict.reason = `${counts.withoutLedger} voucher(s) have no ledger entries: not checked`;
  return verdict;
}

export function policyVerdict(done: readonly CheckDone[], policyKnown: boolean): Verdict {
  if (!policyKnown) {
    const verdict = new ViolationLog().verdict('policy', newCounts.policy(), 'unknown');
    verdict.reason = 'the policy is not known: give it in the meta line or as an option';
    return verdict;
  }
  const counts = sum(done, (one) => one.side.counts.policy, newCounts.policy);
  const log = logInOrder(done.map((one) => one.side.policy));
  const verdict = log.verdict('policy', counts, counts.withoutFunds > 0 ? 'unknown' : true);
  if (verdict.valid === 'unknown') verdict.reason = 'amount-holds: the funds of some vouchers are not known';
  return verdict;
}

export function linearizabilityVerdict(
  done: readonly CheckDone[],
  policyKnown: boolean,
  ops: number,
): Verdict {
  const counts = sum(done, (one) => one.linearizability.counts, newCounts.linearizability);
  counts.ops = ops;
  if (!policyKnown)
    return {
      checker: 'linearizability',
      valid: 'unknown',
      counts,
      reason: 'the policy is not known: give it in the meta line or as an option',
    };
  const found = done.flatMap((one) => one.linearizability.found).sort((a, b) => a[0] - b[0]);
  const violations: Violation[] = found.map(([, violation]) => violation);
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
    const state = (found[0] as (typeof found)[number])[2];
    verdict.first = first;
    verdict.worst = violations.reduce((worst, v) => (v.severity > worst.severity ? v : worst), first);
    verdict.window = { voucher: first.voucher, ops: first.ops, ...(state ? { state } : {}) };
  }
  return verdict;
}
