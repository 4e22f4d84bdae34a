import type { FinalLedger } from '../history/final-ledger.ts';

/** A break in a ledger's arithmetic: which entry and what is wrong with it. */
export interface ArithmeticBreak {
  seq: number;
  message: string;
  severity: number;
}

/**
 * Replays a whole ledger: sequence numbers increase by one, each balance is the previous one plus the
 * signed amount (checked against `balanceAfter` where the system gives it), none is negative, all share
 * one currency, and the last one is the ledger's balance. A ledger that starts after its first entry
 * (seq > 1) and gives no balanceAfter has no known starting point: its sums are then not checked.
 */
export function checkLedgerArithmetic(ledger: FinalLedger): ArithmeticBreak[] {
  const breaks: ArithmeticBreak[] = [];
  const entries = [...(ledger.entries ?? [])].sort((a, b) => a.seq - b.seq);
  let previous: (typeof entries)[number] | undefined;
  /** The balance the entries so far give; null while no starting point is known. */
  let running: number | null = null;
  for (const entry of entries) {
    const before: number | null = previous ? running : entry.seq === 1 ? 0 : null;
    const after: number | null = before === null ? null : before + entry.amount;
    if (previous && entry.seq !== previous.seq + 1)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} follows entry ${previous.seq}`,
        severity: 0,
      });
    if (entry.balanceAfter !== undefined && after !== null && entry.balanceAfter !== after)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} (${entry.kind} ${entry.amount}) says balance ${entry.balanceAfter}, but ${before} ${entry.amount < 0 ? '-' : '+'} ${Math.abs(entry.amount)} = ${after}`,
        severity: Math.abs(entry.balanceAfter - after),
      });
    running = entry.balanceAfter ?? after;
    if (running !== null && running < 0)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} leaves a negative balance`,
        severity: -running,
      });
    if (previous && entry.currency !== previous.currency)
      breaks.push({
        seq: entry.seq,
        message: `entry ${entry.seq} is in ${entry.currency}, not ${previous.currency}`,
        severity: 0,
      });
    previous = entry;
  }
  if (ledger.balance && previous && running !== null && ledger.balance.amount !== running)
    breaks.push({
      seq: previous.seq,
      message: `the ledger's balance ${ledger.balance.amount} differs from its entries' sum ${running}`,
      severity: Math.abs(ledger.balance.amount - running),
    });
  return breaks;
}
