import type { LedgerEntry } from '../../../spec/schemas/ledger.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { Operation } from '../../history/operation.ts';
import { checkLedgerArithmetic } from '../ledger-arithmetic.ts';
import type { Violation } from '../verdict.ts';
import type { ConservationCounts } from './checker-counts.ts';
import type { VoucherLedger } from './voucher-ledger.ts';

function amountOf(op: Operation): number {
  const result = op.result as { amount?: { amount?: number } } | null;
  return result?.amount?.amount ?? 0;
}

/**
 * Ledger conservation (src/checkers/ledger-conservation.ts) of one voucher, or of a ledger whose
 * voucher the history never names: its arithmetic, and every entry matched to an operation once.
 */
export function voucherConservation(
  history: HistoryColumns,
  voucher: string,
  ledger: VoucherLedger,
  counts: ConservationCounts,
): Violation[] {
  counts.vouchers += 1;
  const found: Violation[] = [];
  if (!ledger.ledger?.entries) {
    counts.withoutLedger += 1;
    return found;
  }
  counts.ledgers += 1;
  const { entries, match } = ledger;
  counts.entries += entries.length;
  const ownerOfSeq = new Map<number, number>();
  for (const [position, index] of match.owner) ownerOfSeq.set((entries[position] as LedgerEntry).seq, index);
  for (const broken of checkLedgerArithmetic(ledger.ledger)) {
    const owner = ownerOfSeq.get(broken.seq);
    found.push({
      voucher,
      message: `ledger: ${broken.message}`,
      ops: owner === undefined ? [] : [owner],
      severity: broken.severity,
    });
  }
  counts.matched += match.owner.size;
  counts.infoHappened += match.infoHappened.length;
  counts.unexplainedCredits += match.unexplainedCredits.length;
  for (const index of match.missing)
    found.push({
      voucher,
      message: `acknowledged ${history.opName(index)} by ${history.clients[history.c.client[index] as number]} is missing from the ledger`,
      ops: [index],
      severity: amountOf(history.op(index)),
    });
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
  return found;
}
