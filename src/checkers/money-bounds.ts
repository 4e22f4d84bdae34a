import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import { initialFunds, runEntries } from '../history/final-ledger.ts';
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
    debitOps: [],
    infoOps: [],
  };
  for (const { index, op, effect } of distinctMoneyEffects(ops, indices, holds)) {
    if (op.completion === 'info') {
      sums.infoOps.push(index);
      if (effect.amount === null) sums.unboundedInfo += 1;
      else if (effect.direction === 'debit') sums.infoDebits += effect.amount;
      else sums.infoCredits += effect.amount;
    } else if (effect.direction === 'debit') {
      sums.okDebits += (effect.amount ?? 0) + remainderAmount(op);
      sums.debitOps.push(index);
    } else sums.okCredits += effect.amount ?? 0;
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
    if (!ledger) {
      counts.withoutLedger += 1;
      continue;
    }
    const entries = runEntries(ledger, meta);
    const last = entries.at(-1) as LedgerEntry | undefined;
    const final = ledger.balance?.amount ?? last?.balanceAfter ?? funds;
    const high = funds + sums.okCredits + sums.infoCredits - sums.okDebits;
    const low = sums.unboundedInfo > 0 ? 0 : funds + sums.okCredits - sums.okDebits - sums.infoDebits;
    if (final < low || final > high || final < 0)
      log.add({
        voucher,
        message: `final balance ${final} lies outside [${low}, ${high}] that the operations allow`,
        ops: [...sums.debitOps, ...sums.infoOps],
        severity: Math.max(low - final, final - high, -final),
      });
    const happened = matchLedger(ops, indices, entries, holds).infoHappened.length;
    counts.infoHappened += happened;
    counts.infoNotHappened += sums.infoOps.length - happened;
  }
  const incomplete = counts.withoutFunds + counts.withoutLedger;
  const verdict = log.verdict('money-bounds', counts, incomplete > 0 ? 'unknown' : true);
  if (verdict.valid === 'unknown')
    verdict.reason = `${incomplete} voucher(s) lack their initial funds or final ledger: bounds not fully checked`;
  return verdict;
}
