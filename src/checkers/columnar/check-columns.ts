import { availableParallelism } from 'node:os';
import type { Policy } from '../../../spec/capabilities.ts';
import { type FinalLedger, parseLedgers } from '../../history/final-ledger.ts';
import { HistoryColumns } from '../../history/history-columns.ts';
import { cutLedgers, type LedgerSummary } from '../../history/ledger-pieces.ts';
import { readColumns } from '../../history/read-columns.ts';
import type { ChunkResult, LineBreaks } from '../../history/scan-chunk.ts';
import { orderByVoucher } from '../../history/voucher-order.ts';
import type { Report } from '../compose.ts';
import { combineValidity, type Verdict } from '../verdict.ts';
import {
  conservationVerdict,
  linearizabilityVerdict,
  moneyVerdict,
  policyVerdict,
} from './assemble-verdicts.ts';
import type { CheckDone, CheckShare, ReadShare } from './check-thread.ts';
import { contractOfColumns, idempotencyOfColumns, type LedgerFacts } from './history-checks.ts';
import { buildTables } from './history-tables.ts';
import { ThreadPool } from './thread-pool.ts';

export const checkerNames = [
  'contract',
  'money-bounds',
  'ledger-conservation',
  'idempotency',
  'policy',
  'linearizability',
] as const;
export type CheckerName = (typeof checkerNames)[number];

export interface ColumnCheckOptions {
  policy?: Policy;
  timeLimitMs?: number;
  maxSteps?: number;
  hashFrom?: number;
  /** Threads, the main one included (default: the cores, at most 4; one for a small history). */
  threads?: number;
  /** How lines end: as readline reads a file (default), or at \n only (a string, as parseHistory). */
  breaks?: LineBreaks;
  /** Run only these checkers (benchmarks time them one by one); default all. */
  only?: readonly CheckerName[];
}

export interface ColumnCheck {
  history: HistoryColumns;
  report: Report;
  /** Milliseconds spent reading (history and ledgers), building the tables, checking and assembling. */
  timings: { readMs: number; tablesMs: number; checkMs: number; threads: number };
}

/** Below this many bytes a history is checked on the main thread alone (threads cost more than they save). */
const smallHistory = 4 << 20;

function defaultThreads(bytes: number): number {
  return bytes < smallHistory ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

function shareBytes(bytes: Uint8Array, shared: boolean): Uint8Array {
  if (!shared || bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(Math.max(1, bytes.length)), 0, bytes.length);
  copy.set(bytes);
  return copy;
}

/** Cuts the ledger pieces into one run of consecutive ledgers per thread, about equal in bytes. */
function ledgerShares(
  pieces: readonly number[],
  threads: number,
): Array<{ pieces: number[]; ordinal: number }> {
  const total = pieces.length > 0 ? (pieces[pieces.length - 1] as number) - (pieces[0] as number) : 0;
  const shares: Array<{ pieces: number[]; ordinal: number }> = [];
  let k = 0;
  for (let slot = 0; slot < threads; slot++) {
    const share = { pieces: [] as number[], ordinal: k / 2 };
    const until = (pieces[0] ?? 0) + (total * (slot + 1)) / threads;
    while (k < pieces.length && (slot === threads - 1 || (pieces[k] as number) < until)) {
      share.pieces.push(pieces[k] as number, pieces[k + 1] as number);
      k += 2;
    }
    shares.push(share);
  }
  return shares;
}

function summaryOf(ledger: FinalLedger): LedgerSummary {
  const initial = ledger.initial;
  const breach = ledger.violations?.[0];
  return {
    voucherId: ledger.voucherId,
    initial:
      typeof initial === 'number'
        ? initial
        : initial && typeof initial.amount === 'number'
          ? initial.amount
          : null,
    ...(breach ? { breach: { path: breach.path, message: breach.message } } : {}),
  };
}

/**
 * Checks a history given as bytes (and its final ledgers) with every checker, as checkAll does and with
 * the same report, in one read into columns and one pass per voucher, spread over threads. Throws what
 * readHistoryFile and parseLedgers throw for input they cannot read.
 */
export async function checkColumns(
  bytes: Uint8Array,
  ledgerBytes: Uint8Array | undefined,
  options: ColumnCheckOptions = {},
): Promise<ColumnCheck> {
  const started = performance.now();
  const threads = Math.max(1, options.threads ?? defaultThreads(bytes.length));
  const shared = threads > 1;
  const only = new Set<CheckerName>(options.only ?? checkerNames);
  const pool = new ThreadPool(threads - 1);
  try {
    const text = shareBytes(bytes, shared);
    const ledgerText = ledgerBytes ? shareBytes(ledgerBytes, shared) : undefined;
    const pieces = ledgerText ? cutLedgers(ledgerText) : undefined;
    const ledgerWork = pieces ? ledgerShares(pieces, threads) : undefined;
    let ledgerReads: Array<LedgerSummary[] | null | undefined> = [];
    const data = await readColumns(text, {
      breaks: options.breaks ?? 'readline',
      chunks: threads,
      shared,
      run: async (tasks) => {
        const shares: ReadShare[] = Array.from({ length: threads }, (_, slot) => ({
          ...(tasks[slot] ? { chunk: tasks[slot] } : {}),
          ...(ledgerText && ledgerWork?.[slot]
            ? { ledgers: { bytes: ledgerText, ...ledgerWork[slot] } }
            : {}),
        }));
        const done = await pool.all(shares, (slot, share) => pool.read(slot, share));
        ledgerReads = done.map((one) => one.ledgers);
        return done.flatMap((one) => (one.chunk ? [one.chunk] : [])) as ChunkResult[];
      },
    });

    // The ledgers: where each was read, or all on the main thread when the file had to be read whole.
    let summaries: LedgerSummary[] = [];
    const holder = new Map<string, number>();
    if (ledgerText) {
      const shareable = pieces !== null && ledgerReads.every((read) => Array.isArray(read));
      if (shareable)
        ledgerReads.forEach((read, slot) => {
          for (const summary of read as LedgerSummary[]) {
            summaries.push(summary);
            holder.set(summary.voucherId, holder.has(summary.voucherId) ? -1 : slot);
          }
        });
      if (!shareable || [...holder.values()].includes(-1)) {
        const whole = parseLedgers(
          Buffer.from(ledgerText.buffer, ledgerText.byteOffset, ledgerText.length).toString('utf8'),
        );
        pool.main.hold(whole);
        summaries = [...whole.values()].map(summaryOf);
        holder.clear();
        for (const summary of summaries) holder.set(summary.voucherId, 0);
      }
    }
    const readMs = performance.now() - started;

    const partStart = orderByVoucher(data, shared);
    const history = new HistoryColumns(data);
    const tables = buildTables(history, partStart, shared);
    const meta = history.meta;
    const vouchers = history.vouchers;
    const initial = new Map(summaries.map((summary) => [summary.voucherId, summary.initial]));
    const funds = new Float64Array(
      shared ? new SharedArrayBuffer(Math.max(8, vouchers.length * 8)) : new ArrayBuffer(vouchers.length * 8),
    );
    vouchers.forEach((voucher, v) => {
      const fromMeta = meta?.funds?.[voucher];
      funds[v] = initial.get(voucher) ?? (typeof fromMeta === 'number' ? fromMeta : Number.NaN);
    });
    const policy = options.policy ?? meta?.policy;
    const ledgerFacts: LedgerFacts | undefined = ledgerText
      ? {
          count: summaries.length,
          breaches: summaries.flatMap((summary) =>
            summary.breach ? [{ voucher: summary.voucherId, ...summary.breach }] : [],
          ),
          vouchers: new Set(summaries.map((summary) => summary.voucherId)),
        }
      : undefined;
    const tablesMs = performance.now() - started - readMs;

    // Who checks what: a voucher's money, ledger and policy where its ledger was read (else the least
    // loaded thread), its search wherever the load is least (a hot voucher's search beside its ledger).
    const opsOf = (v: number) => (tables.partStart[v + 1] as number) - (tables.partStart[v] as number);
    const load = new Array<number>(threads).fill(0);
    const side: number[][] = Array.from({ length: threads }, () => []);
    const search: number[][] = Array.from({ length: threads }, () => []);
    const least = () => load.indexOf(Math.min(...load));
    for (let v = 0; v < vouchers.length; v++) {
      const at = holder.get(vouchers[v] as string);
      const slot = at === undefined ? least() : at;
      (side[slot] as number[]).push(v);
      load[slot] = (load[slot] as number) + opsOf(v);
    }
    const steps = options.maxSteps ?? Number.POSITIVE_INFINITY;
    const byWork = Array.from({ length: vouchers.length }, (_, v) => v).sort((a, b) => opsOf(b) - opsOf(a));
    for (const v of byWork) {
      // A step limit is spent voucher by voucher in order, as checkLinearizability spends it: one thread.
      const slot = Number.isFinite(steps) ? 0 : least();
      (search[slot] as number[]).push(v);
      load[slot] = (load[slot] as number) + opsOf(v);
    }
    for (const list of search) list.sort((a, b) => a - b);
    const known = new Set(vouchers);
    const alone: Array<Array<[number, string]>> = Array.from({ length: threads }, () => []);
    summaries.forEach((summary, ordinal) => {
      if (!known.has(summary.voucherId))
        (alone[holder.get(summary.voucherId) ?? 0] as Array<[number, string]>).push([
          ordinal,
          summary.voucherId,
        ]);
    });
    const conservation = only.has('ledger-conservation') && summaries.length > 0;
    const run = {
      money: only.has('money-bounds'),
      conservation,
      policy: only.has('policy') && policy !== undefined,
      moves: only.has('idempotency') && ledgerText !== undefined,
      linearizability: only.has('linearizability') && policy !== undefined,
    };
    const deadline = Date.now() + (options.timeLimitMs ?? 30_000);
    const shares: CheckShare[] = Array.from({ length: threads }, (_, slot) => ({
      history: data,
      tables,
      funds,
      ledgersGiven: ledgerText !== undefined,
      run,
      policy,
      vouchers: side[slot] as number[],
      ledgersAlone: conservation ? (alone[slot] as Array<[number, string]>) : [],
      linearizability: run.linearizability ? (search[slot] as number[]) : [],
      deadline,
      maxSteps: steps,
      ...(options.hashFrom !== undefined ? { hashFrom: options.hashFrom } : {}),
    }));
    const done: CheckDone[] = await pool.all(shares, (slot, share) => pool.check(slot, share));

    const moved = new Map<number, [number, number]>();
    for (const one of done)
      for (let k = 0; k < one.side.moves.length; k += 3)
        moved.set(one.side.moves[k] as number, [
          one.side.moves[k + 1] as number,
          one.side.moves[k + 2] as number,
        ]);
    const verdicts: Verdict[] = [];
    if (only.has('contract')) verdicts.push(contractOfColumns(history, ledgerFacts));
    if (only.has('money-bounds')) verdicts.push(moneyVerdict(done));
    if (only.has('ledger-conservation')) verdicts.push(conservationVerdict(done, summaries.length > 0));
    if (only.has('idempotency')) verdicts.push(idempotencyOfColumns(history, tables, ledgerFacts, moved));
    if (only.has('policy')) verdicts.push(policyVerdict(done, policy !== undefined));
    if (only.has('linearizability'))
      verdicts.push(linearizabilityVerdict(done, policy !== undefined, history.size));
    const report = { valid: combineValidity(verdicts.map((verdict) => verdict.valid)), verdicts };
    const checkMs = performance.now() - started - readMs - tablesMs;
    return { history, report, timings: { readMs, tablesMs, checkMs, threads } };
  } finally {
    await pool.close();
  }
}
