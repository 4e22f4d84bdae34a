import type { LedgerSummary } from '../../history/ledger-pieces.ts';
import type { HistoryTables } from './history-tables.ts';

/** Which thread checks what: by slot, the vouchers whose money, ledger and policy it checks, and those it searches. */
export interface VoucherShares {
  side: number[][];
  search: number[][];
  /** Ledgers whose voucher the history never names, with their place in the ledgers' order. */
  alone: Array<Array<[number, string]>>;
}

/**
 * Shares the vouchers out: a voucher's money, ledger and policy where its ledger is held (else on the
 * least loaded thread), its search wherever the load is least, the largest first. Under a step limit
 * every search runs on the main thread, in order, as checkLinearizability spends the steps.
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
  const least = () => load.indexOf(Math.min(...load));
  const shares: VoucherShares = {
    side: Array.from({ length: threads }, () => []),
    search: Array.from({ length: threads }, () => []),
    alone: Array.from({ length: threads }, () => []),
  };
  const give = (list: number[][], slot: number, v: number) => {
    (list[slot] as number[]).push(v);
    load[slot] = (load[slot] as number) + opsOf(v);
  };
  for (let v = 0; v < vouchers.length; v++)
    give(shares.side, ledgers.holder.get(vouchers[v] as string) ?? least(), v);
  const byWork = Array.from({ length: vouchers.length }, (_, v) => v).sort((a, b) => opsOf(b) - opsOf(a));
  for (const v of byWork) give(shares.search, stepLimit ? 0 : least(), v);
  for (const list of shares.search) list.sort((a, b) => a - b);
  const known = new Set(vouchers);
  ledgers.summaries.forEach((summary, ordinal) => {
    if (known.has(summary.voucherId)) return;
    (shares.alone[ledgers.holder.get(summary.voucherId) ?? 0] as Array<[number, string]>).push([
      ordinal,
      summary.voucherId,
    ]);
  });
  return shares;
}
