import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import { runEntries } from '../history/final-ledger.ts';
import { indexHolds } from '../history/hold-index.ts';
import type { Operation } from '../history/operation.ts';
import { partitionByVoucher } from '../history/voucher-partition.ts';
import type { CheckInput } from './check-input.ts';
import { checkLedgerArithmetic } from './ledger-arithmetic.ts';
import { matchLedger } from './ledger-match.ts';
import { type Verdict, ViolationLog } from './verdict.ts';

/**
 * Ledger conservation: every acknowledged capture (and credit) appears in the ledger exactly once, no
 * ledger debit lacks an operation that asked for it, and the ledger sums to the balance.
 */
export function checkLedgerConservation({ history, ledgers }: CheckInput): Verdict {
  const { ops, meta } = history;
  const log = new ViolationLog();
  const counts = {
    vouchers: 0,
    ledgers: 0,
    withoutLedger: 0,
    entries: 0,
    matched: 0,
    infoHappened: 0,
    unexplainedCredits: 0,
  };
  if (!ledgers || ledgers.size === 0) {
    const verdict = log.verdict('ledger-conservation', counts, 'unknown');
    verdict.reason = 'no final ledgers were given';
    return verdict;
  }
  const holds = indexHolds(ops, meta);
  const parts = partitionByVoucher(ops);
  for (const voucher of new Set([...parts.keys(), ...ledgers.keys()])) {
    counts.vouchers += 1;
    const ledger = ledgers.get(voucher);
    const indices = parts.get(voucher) ?? [];
    if (!ledger?.entries) {
      counts.withoutLedger += 1;
      continue;
    }
    counts.ledgers += 1;
    const entries = runEntries(ledger, meta);
    counts.entries += entries.length;
    const match = matchLedger(ops, indices, entries, holds);
    const ownerOfSeq = new Map<number, number>();
    for (const [position, index] of match.owner)
      ownerOfSeq.set((entries[position] as LedgerEntry).seq, index);
    for (const broken of checkLedgerArithmetic(ledger)) {
      const owner = ownerOfSeq.get(broken.seq);
      const ops = owner === undefined ? [] : [owner];
      log.add({ voucher, message: `ledger: ${broken.message}`, ops, severity: broken.severity });
    }
    counts.matched += match.owner.size;
    counts.infoHappened += match.infoHappened.length;
    counts.unexplainedCredits += match.unexplainedCredits.length;
    for (const index of match.missing) {
      const op = ops[index] as Operation;
      log.add({
        voucher,
        message: `acknowledged ${op.op} by ${op.client} is missing from the ledger`,
        ops: [index],
        severity: amountOf(op),
      });
    }
    for (const { op, entries: twice } of match.duplicated) {
      const seqs = twice.map((position) => (entries[position] as LedgerEntry).seq).join(', ');
      log.add({
        voucher,
        message: `${(ops[op] as Operation).op} appears ${twice.length} times in the ledger (entries ${seqs})`,
        ops: [op],
        severity: amountOf(ops[op] as Operation),
      });
    }
    for (const position of match.unexplainedDebits) {
      const entry = entries[position] as LedgerEntry;
      log.add({
        voucher,
        message: `ledger entry ${entry.seq} (${entry.kind} ${entry.amount}) has no operation that asked for it`,
        ops: [],
        severity: Math.abs(entry.amount),
      });
    }
  }
  const otherwise = counts.withoutLedger > 0 ? 'unknown' : true;
  const verdict = log.verdict('ledger-conservation', counts, otherwise);
  if (verdict.valid === 'unknown')
    verdict.reason = `${counts.withoutLedger} voucher(s) have no ledger entries: not checked`;
  return verdict;
}

function amountOf(op: Operation): number {
  const result = op.result as { amount?: { amount?: number } } | null;
  return result?.amount?.amount ?? 0;
}
