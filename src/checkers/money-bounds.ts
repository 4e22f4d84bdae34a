import { finalBalance, initialFunds, runEntries } from '../history/final-ledger.ts';
import { indexHolds } from '../history/hold-index.ts';
import { remainderAmount } from '../history/op-fields.ts';
import type { Operation } from '../history/operation.ts';
import { partitionByVoucher } from '../history/voucher-partition.ts';
import type { CheckInput } from './check-input.ts';
import { matchLedger } from './ledger-match.ts';
import { distinctMoneyEffects } from './money-effect.ts';
import { type Verdict, ViolationLog } from './verdict.ts';

interface Sums {
  okDebits: number;
  okCredits: number;
  infoDebits: number;
  infoCredits: number;
  unboundedInfo: number;
  /** Acknowledged debits or credits whose amount neither the request nor the answer tells. */
  unknownAmounts: number;
  debitOps: number[];
  infoOps: number[];
}

function sumEffects(
  ops: readonly Operation[],
  indices: readonly number[],
  holds: ReturnType<typeof indexHolds>,
): Sums {
  const sums: Sums = {
    okDebits: 0,
    okCredits: 0,
    infoDebits: 0,
    infoCredits: 0,
    unboundedInfo: 0,
    unknownAmounts: 0,
    debitOps: [],
    infoOps: [],
  };
  for (const { index, op, effect } of distinctMoneyEffects(ops, indices, holds)) {
    if (op.completion === 'info') {
      sums.infoOps.push(index);
      if (effect.amount === null) sums.unboundedInfo += 1;
      else if (effect.direction === 'debit') sums.infoDebits += effect.amount;
      else sums.infoCredits += effect.amount;
    } else if (effect.amount === null) {
      sums.unknownAmounts += 1;
      if (effect.direction === 'debit') sums.debitOps.push(index);
    } else if (effect.direction === 'debit') {
      sums.okDebits += effect.amount + remainderAmount(op);
      sums.debitOps.push(index);
    } else sums.okCredits += effect.amount;
  }
  return sums;
}

/**
 * Money bounds: per voucher, acknowledged debits never exceed the funds, and the final balance lies
 * within the bounds that the indeterminate operations allow; the ledger says which of them happened.
 */
export function checkMoneyBounds({ history, ledgers }: CheckInput): Verdict {
  const { ops, meta } = history;
  const holds = indexHolds(ops, meta);
  const log = new ViolationLog();
  const counts = {
    vouchers: 0,
    checked: 0,
    withoutFunds: 0,
    withoutLedger: 0,
    unknownAmounts: 0,
    infoOps: 0,
    infoHappened: 0,
    infoNotHappened: 0,
  };
  for (const [voucher, indices] of partitionByVoucher(ops)) {
    counts.vouchers += 1;
    const funds = initialFunds(voucher, meta, ledgers);
    const sums = sumEffects(ops, indices, holds);
    counts.infoOps += sums.infoOps.length;
    const ledger = ledgers?.get(voucher);
    if (funds === null) {
      counts.withoutFunds += 1;
      continue;
    }
    counts.checked += 1;
    const most = funds + sums.okCredits + sums.infoCredits;
    if (sums.okDebits > most)
      log.add({
        voucher,
        message: `acknowledged debits of ${sums.okDebits} exceed the funds of at most ${most}`,
        ops: sums.debitOps,
        severity: sums.okDebits - most,
      });
    const final = finalBalance(ledger);
    if (final === null) {
      counts.withoutLedger += 1;
      continue;
    }
    // An acknowledged amount nobody told: only a negative balance is certain; the bounds are unknown.
    const blind = sums.unknownAmounts > 0;
    if (blind) counts.unknownAmounts += sums.unknownAmounts;
    const high = blind ? Number.POSITIVE_INFINITY : funds + sums.okCredits + sums.infoCredits - sums.okDebits;
    const low =
      sums.unboundedInfo > 0 || blind ? 0 : funds + sums.okCredits - sums.okDebits - sums.infoDebits;
    if (final < low || final > high || final < 0)
      log.add({
        voucher,
        message: boundsMessage(final, low, high),
        ops: [...sums.debitOps, ...sums.infoOps],
        severity: Math.max(low - final, final - high, -final),
      });
    if (!ledger?.entries) continue;
    const happened = matchLedger(ops, indices, runEntries(ledger, meta), holds).infoHappened.length;
    counts.infoHappened += happened;
    counts.infoNotHappened += sums.infoOps.length - happened;
  }
  const incomplete = counts.withoutFunds + counts.withoutLedger + counts.unknownAmounts;
  const verdict = log.verdict('money-bounds', counts, incomplete > 0 ? 'unknown' : true);
  if (verdict.valid === 'unknown')
    verdict.reason =
      counts.unknownAmounts > 0
        ? `${counts.unknownAmounts} acknowledged operation(s) do not tell their amount: bounds not fully checked`
        : `${incomplete} voucher(s) lack their initial funds or final balance: bounds not fully checked`;
  return verdict;
}

export function boundsMessage(final: number, low: number, high: number): string {
  if (final > high)
    return `final balance ${final} is above ${high}: acknowledged spends of ${final - high} do not show in the balance`;
  if (final < 0) return `final balance ${final} is negative: the voucher was spent beyond its funds`;
  return `final balance ${final} is below ${low}: ${low - final} left the voucher that no operation explains`;
}
