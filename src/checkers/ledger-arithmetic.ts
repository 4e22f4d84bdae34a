import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import type { FinalLedger } from '../history/final-ledger.ts';

/** A break in a ledger's arithmetic: which entry and what is wrong with it. */
export interface ArithmeticBreak {
  seq: number;
  message: string;
  severity: number;
}

/**
 * Replays a whole ledger: sequence numbers increase by one, each balanceAfter is the previous one plus
 * the signed amount, none is negative, all share one currency, and the last one is the ledger's balance.
 */
export function checkLedgerArithmetic(ledger: FinalLedger): ArithmeticBreak[] {
  const breaks: ArithmeticBreak[] = [];
  const entries = [...ledger.entries].sort((a, b) => a.seq - b.seq);
  let previous: LedgerEntry | undefined;
  for (const entry of entries) {
    const before = previous ? previous.balanceAfter : entry.seq === 1 ? 0 : entry.balanceAfter - entry.amount;
    if (previous && entry.seq !== previous.seq + 1)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} follows entry ${previous.seq}`,
        severity: 0,
      });
    if (entry.balanceAfter !== before + entry.amount)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} (${entry.kind} ${entry.amount}) says balance ${entry.balanceAfter}, but ${before} ${entry.amount < 0 ? '-' : '+'} ${Math.abs(entry.amount)} = ${before + entry.amount}`,
        severity: Math.abs(entry.balanceAfter - before - entry.amount),
      });
    if (entry.balanceAfter < 0)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} leaves a negative balance`,
        severity: -entry.balanceAfter,
      });
    if (previous && entry.currency !== previous.currency)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} is in ${entry.currency}, not ${previous.currency}`,
        severity: 0,
      });
    previous = entry;
  }
  if (ledger.balance && previous && ledger.balance.amount !== previous.balanceAfter)
    breaks.push({
      seq: previous.seq,
      message: `the ledger's balance ${ledger.balance.amount} differs from its entries' sum ${previous.balanceAfter}`,
      severity: Math.abs(ledger.balance.amount - previous.balanceAfter),
    });
  return breaks;
}
