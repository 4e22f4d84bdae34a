// teardown(): the script's own overspend check over the vouchers' final ledgers.
import { env } from './env.ts';
import { getLedger } from './ledger.ts';
import { overspend } from './metrics.ts';
import type { SetupData } from './setup-data.ts';

/**
 * Adds to `overspend` the money each ledger took beyond what it held: debits beyond the credits, a
 * balance below zero, or a running balance that grew without a credit (a lost update).
 */
export function auditLedgers(data: SetupData): void {
  overspend.add(0);
  // One segment of several (they share the setup data): its teardown runs while the other machines may
  // still be spending, and a ledger read mid-run need not be one snapshot of entries and balance. The
  // final ledgers are audited once, when every segment is done (vcert load merge, or --segments).
  if (env.setupOnly || env.setupFile || env.setupData) return;
  for (const voucher of data.vouchers) {
    const ledger = getLedger(data.keys.pos, voucher);
    let running = 0;
    let over = 0;
    let lowest = 0;
    for (const entry of [...ledger.entries].sort((a, b) => a.seq - b.seq)) {
      running += entry.amount;
      // A system that gives no running balance (many do not): the sum of the entries is all there is.
      if (typeof entry.balanceAfter === 'number') {
        if (entry.balanceAfter > running) over += entry.balanceAfter - running;
        running = entry.balanceAfter;
      }
      lowest = Math.min(lowest, running);
    }
    // Spent beyond the funds (the deepest the running balance went below zero), and a balance that
    // shows more than the entries leave (a lost update).
    over += -lowest;
    if (ledger.balance.amount !== running) over += Math.max(0, ledger.balance.amount - running);
    if (over > 0) {
      overspend.add(over, { voucher });
      console.error(`overspend: voucher ${voucher} lost ${over} minor units`);
    }
  }
}
