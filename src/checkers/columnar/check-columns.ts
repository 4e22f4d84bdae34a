import { availableParallelism } from 'node:os';
import type { Policy } from '../../../spec/capabilities.ts';
import { HistoryColumns } from '../../history/history-columns.ts';
import type { LedgerSummary } from '../../history/ledger-pieces.ts';
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
import type { CheckContext, CheckDone, CheckShare, ReadDone } from './check-thread.ts';
import { contractOfColumns, idempotencyVerdict, keyFindings, type LedgerFacts } from './history-checks.ts';
import { buildTables } from './history-tables.ts';
import { type LedgersRead, readLedgers } from './ledger-shares.ts';
import { ThreadPool, tasksAThread } from './thread-pool.ts';
import { shareVouchers } from './voucher-shares.ts';

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

/** Where the time went (ms): what a benchmark or `vcert check --timings` shows. */
export interface CheckTimings {
  /** Reading the history and indexing it (the ledgers are read meanwhile). */
  readMs: number;
  /** Waiting for the ledgers still being read after that. */
  tablesMs: number;
  /** Checking every voucher, and the checkers of the whole history. */
  checkMs: number;
  threads: number;
  /** CPU time of each thread, the main one first (start-up included). */
  threadCpuMs: number[];
}

export interface ColumnCheck {
  history: HistoryColumns;
  report: Report;
  timings: CheckTimings;
}

/** Below this many bytes a history is checked on the main thread alone (threads cost more than they save). */
const smallHistory = 4 << 20;

/** The threads for a history of `bytes` bytes, the main one included: the cores, at most 4; one below 4 MB. */
export function defaultThreads(bytes: number): number {
  return bytes < smallHistory ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

function shareBytes(bytes: Uint8Array, shared: boolean): Uint8Array {
  if (!shared || bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(Math.max(1, bytes.length)), 0, bytes.length);
  copy.set(bytes);
  return copy;
}

function fundsOf(
  history: HistoryColumns,
  summaries: readonly LedgerSummary[],
  shared: boolean,
): Float64Array {
  const { vouchers, meta } = history;
  const initial = new Map(summaries.map((summary) => [summary.voucherId, summary.initial]));
  const bytes = Math.max(8, vouchers.length * 8);
  const funds = new Float64Array(
    shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes),
    0,
    vouchers.length,
  );
  vouchers.forEach((voucher, v) => {
    const fromMeta = meta?.funds?.[voucher];
    funds[v] = initial.get(voucher) ?? (typeof fromMeta === 'number' ? fromMeta : Number.NaN);
  });
  return funds;
}

/**
 * Checks a history given as bytes (and its final ledgers) with every checker, as checkAll does and with
 * the same report, in one read into columns and one pass per voucher, spread over threads: every thread
 * reads a chunk of the history; then the workers read the ledgers while the main thread finds repeated
 * operations and orders and indexes the history; then every thread checks its share of the vouchers.
 * Throws what readHistoryFile and parseLedgers throw for input they cannot read (the history's first).
 */
export async function checkColumns(
  bytes: Uint8Array,
  ledgerBytes: Uint8Array | undefined,
  options: ColumnCheckOptions = {},
  /** Threads already started (the caller closes them); else they are started and closed here. */
  started?: ThreadPool,
): Promise<ColumnCheck> {
  const begun = performance.now();
  const pool = started ?? new ThreadPool(Math.max(1, options.threads ?? defaultThreads(bytes.length)) - 1);
  const threads = pool.size;
  const shared = threads > 1;
  const only = new Set<CheckerName>(options.only ?? checkerNames);
  try {
    const text = shareBytes(bytes, shared);
    const ledgerText = ledgerBytes ? shareBytes(ledgerBytes, shared) : undefined;
    let ledgersRead: (() => Promise<LedgersRead>) | undefined;
    const data = await readColumns(text, {
      breaks: options.breaks ?? 'readline',
      // Many chunks a thread, claimed by whichever thread is free: the last one claimed is short.
      chunks: threads === 1 ? 1 : threads * tasksAThread,
      shared,
      run: async (tasks) => {
        const reading = pool.claim<ReadDone>(
          'read',
          tasks.map((chunk) => ({ chunk })),
        );
        // Queued behind the chunks: the workers go on to the ledgers while this thread indexes.
        if (ledgerText) ledgersRead = readLedgers(pool, ledgerText);
        const done = await reading.join();
        return done.map((one) => one.chunk as ChunkResult);
      },
    });
    const partStart = orderByVoucher(data, shared);
    const history = new HistoryColumns(data);
    const tables = buildTables(history, partStart, shared);
    const readMs = performance.now() - begun;
    const ledgers = ledgersRead ? await ledgersRead() : { summaries: [], holder: new Map<string, number>() };
    const tablesMs = performance.now() - begun - readMs;

    const { summaries } = ledgers;
    const policy = options.policy ?? history.meta?.policy;
    const ledgerFacts: LedgerFacts | undefined = ledgerText
      ? {
          count: summaries.length,
          breaches: summaries.flatMap((summary) =>
            summary.breach ? [{ voucher: summary.voucherId, ...summary.breach }] : [],
          ),
          vouchers: new Set(summaries.map((summary) => summary.voucherId)),
        }
      : undefined;
    const steps = options.maxSteps ?? Number.POSITIVE_INFINITY;
    const shares = shareVouchers(history.vouchers, tables, ledgers, threads, Number.isFinite(steps));
    const conservation = only.has('ledger-conservation') && summaries.length > 0;
    const run = {
      money: only.has('money-bounds'),
      conservation,
      policy: only.has('policy') && policy !== undefined,
      moves: only.has('idempotency') && ledgerText !== undefined,
      linearizability: only.has('linearizability') && policy !== undefined,
    };
    const context: CheckContext = {
      history: data,
      tables,
      funds: fundsOf(history, summaries, shared),
      ledgersGiven: ledgerText !== undefined,
      run,
      policy,
      deadline: Date.now() + (options.timeLimitMs ?? 30_000),
      maxSteps: steps,
      ...(options.hashFrom !== undefined ? { hashFrom: options.hashFrom } : {}),
    };
    const prepared = pool.prepare(context);
    prepared.catch(() => {});
    const share = (slot: number, search: number[]): CheckShare => ({
      vouchers: shares.side[slot] ?? [],
      ledgersAlone: conservation ? (shares.alone[slot] ?? []) : [],
      linearizability: run.linearizability ? search : [],
    });
    // Each worker's ledger checks first (they go where its ledgers are), then searches for any thread.
    const workerSides = Array.from({ length: threads - 1 }, (_, k) => pool.check(k + 1, share(k + 1, [])));
    for (const promise of workerSides) promise.catch(() => {});
    const batches = run.linearizability ? shares.batches : [];
    const searching = pool.claim<CheckDone>(
      'check',
      batches.map((batch) => share(-1, batch)),
    );
    const mainSide = await pool.check(0, share(0, shares.searchOnMain));
    // The checkers of the whole history that need no voucher's findings, while the workers check theirs.
    const contract = only.has('contract') ? contractOfColumns(history, ledgerFacts) : undefined;
    const keys = only.has('idempotency') ? keyFindings(history, tables) : undefined;
    const searched = await searching.join();
    const done: CheckDone[] = [mainSide, ...(await Promise.all(workerSides)), ...searched];
    await prepared;

    const moved = new Map<number, [number, number]>();
    for (const one of done)
      for (let k = 0; k < one.side.moves.length; k += 3)
        moved.set(one.side.moves[k] as number, [
          one.side.moves[k + 1] as number,
          one.side.moves[k + 2] as number,
        ]);
    const verdicts: Verdict[] = [];
    if (contract) verdicts.push(contract);
    if (only.has('money-bounds')) verdicts.push(moneyVerdict(done));
    if (only.has('ledger-conservation')) verdicts.push(conservationVerdict(done, summaries.length > 0));
    if (keys) verdicts.push(idempotencyVerdict(keys, ledgerFacts, moved));
    if (only.has('policy')) verdicts.push(policyVerdict(done, policy !== undefined));
    if (only.has('linearizability'))
      verdicts.push(linearizabilityVerdict(done, policy !== undefined, history.size));
    const report = { valid: combineValidity(verdicts.map((verdict) => verdict.valid)), verdicts };
    const checkMs = performance.now() - begun - readMs - tablesMs;
    const threadCpuMs = await pool.cpuMs();
    return { history, report, timings: { readMs, tablesMs, checkMs, threads, threadCpuMs } };
  } finally {
    if (!started) await pool.close();
  }
}
