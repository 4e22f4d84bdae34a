import type { LedgerSummary } from '../../history/ledger-pieces.ts';
import type { HistoryTables } from './history-tables.ts';

/** Which thread checks what. */
export interface VoucherShares {
  /** By slot: the vouchers whose money, ledger and policy the thread checks. */
  side: number[][];
  /** By slot: ledgers whose voucher the history never names, with their place in the ledgers' order. */
  alone: Array<Array<[number, string]>>;
  /** The searches the main thread makes, in order, under a step limit (spent as checkLinearizability spends it). */
  searchOnMain: number[];
  /** Otherwise the searches, in batches of about equal work, largest first, taken by whichever thread is free. */
  batches: number[][];
}

/**
 * Shares the vouchers out: a voucher's money, ledger and policy where its ledger is held (else on the
 * least loaded thread); its search in a batch that any thread takes when it is free (a search's cost is
 * not known ahead, and a thread holding many ledgers has more checks of them to do).
 */
export function shareVouchers(
  vouchers: readonly string[],
  tables: HistoryTables,
  ledgers: { summaries: readonly LedgerSummary[]; holder: ReadonlyMap<string, number> },
  threads: number,
  stepLimit: boolean,
): VoucherShares {
  const opsOf = (v: number) => (tables.partStart[v + 1] as number) - (tables.partStart[v] as number);
  const load = new Array<number>(threads).fill(0);
  const least = (loads: number[]) => loads.indexOf(Math.min(...loads));
  const shares: VoucherShares = {
    side: Array.from({ length: threads }, () => []),
    alone: Array.from({ length: threads }, () => []),
    searchOnMain: [],
    batches: [],
  };
  for (let v = 0; v < vouchers.length; v++) {
    const slot = ledgers.holder.get(vouchers[v] as string) ?? least(load);
    (shares.side[slot] as number[]).push(v);
    load[slot] = (load[slot] as number) + opsOf(v);
  }
  const known = new Set(vouchers);
  ledgers.summaries.forEach((summary, ordinal) => {
    if (known.has(summary.voucherId)) return;
    (shares.alone[ledgers.holder.get(summary.voucherId) ?? 0] as Array<[number, string]>).push([
      ordinal,
      summary.voucherId,
    ]);
  });
  if (stepLimit || threads === 1) {
    shares.searchOnMain = Array.from({ length: vouchers.length }, (_, v) => v);
    return shares;
  }
  const count = Math.min(vouchers.length, threads * 8);
  const batchLoad = new Array<number>(count).fill(0);
  shares.batches = Array.from({ length: count }, () => []);
  const byWork = Array.from({ length: vouchers.length }, (_, v) => v).sort((a, b) => opsOf(b) - opsOf(a));
  for (const v of byWork) {
    const batch = least(batchLoad);
    (shares.batches[batch] as number[]).push(v);
    batchLoad[batch] = (batchLoad[batch] as number) + opsOf(v);
  }
  for (const batch of shares.batches) batch.sort((a, b) => a - b);
  return shares;
}
