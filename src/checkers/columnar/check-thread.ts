import type { Policy } from '../../../spec/capabilities.ts';
import type { FinalLedger } from '../../history/final-ledger.ts';
import { type ColumnHistoryData, HistoryColumns } from '../../history/history-columns.ts';
import { type LedgerSummary, parseLedgerPieces } from '../../history/ledger-pieces.ts';
import { type ChunkResult, type ChunkTask, scanChunk } from '../../history/scan-chunk.ts';
import { voucherModel } from '../../model/voucher-model.ts';
import { type LinearizabilityCounts, newCounts } from './checker-counts.ts';
import { clockOf, type HistoryTables } from './history-tables.ts';
import { checkLedgerAlone, checkVoucher, newFindings, type VoucherFindings } from './voucher-checks.ts';
import { checkVoucherLinearizability, type LinFound } from './voucher-linearizability.ts';

/** A thread's share of reading: a chunk of the history, or a run of the ledgers (it keeps every run it reads). */
export interface ReadShare {
  chunk?: ChunkTask;
  ledgers?: { bytes: Uint8Array; pieces: number[]; ordinal: number };
}

export interface ReadDone {
  chunk?: ChunkResult;
  /** The ledgers this thread read, in order; null when one could not be read (the file is read whole then). */
  ledgers?: LedgerSummary[] | null;
}

/** What every thread checks against, sent to each once (a history's data takes a while to copy). */
export interface CheckContext {
  history: ColumnHistoryData;
  tables: HistoryTables;
  funds: Float64Array;
  /** Whether ledgers were given (even none). */
  ledgersGiven: boolean;
  /** Which checkers run (conservation only when some ledgers were given; policy and search only with a policy). */
  run: { money: boolean; conservation: boolean; policy: boolean; moves: boolean; linearizability: boolean };
  policy: Policy | undefined;
  /** Epoch milliseconds after which the search gives up, and the model steps it may take. */
  deadline: number;
  maxSteps: number;
  hashFrom?: number;
}

/** A share of checking: the vouchers whose money, ledger and policy it checks, and those it searches. */
export interface CheckShare {
  vouchers: number[];
  /** Ledgers of vouchers the history never names, with where they come in the order of findings. */
  ledgersAlone: Array<[number, string]>;
  linearizability: number[];
}

export interface CheckDone {
  side: VoucherFindings;
  linearizability: { counts: LinearizabilityCounts; found: LinFound };
}

/** What the main thread asks a worker for (check-worker.ts). */
export type CallKind = 'read' | 'prepare' | 'check' | 'cpu' | 'claim';

/** What a thread claims tasks for: reading (ReadShare) or checking (CheckShare). */
export type ClaimKind = 'read' | 'check';

/** The tasks a thread claimed and what each gave: index, result, index, result… */
export type Claimed = unknown[];

/**
 * The work of one thread (a worker, or the main thread doing its own share): it reads its share of the
 * history and of the ledgers, keeps those ledgers, then checks the vouchers it is given.
 */
export class CheckThread {
  #ledgers: Map<string, FinalLedger> | undefined;
  #context: { given: CheckContext; history: HistoryColumns } | undefined;

  /** Gives the thread ledgers read elsewhere (the whole file, read in one piece). */
  hold(ledgers: Map<string, FinalLedger> | undefined): void {
    this.#ledgers = ledgers;
  }

  read(share: ReadShare): ReadDone {
    const done: ReadDone = {};
    if (share.ledgers) {
      const read = parseLedgerPieces(share.ledgers.bytes, share.ledgers.pieces, share.ledgers.ordinal);
      this.#ledgers ??= new Map();
      for (const [voucher, ledger] of read?.ledgers ?? []) this.#ledgers.set(voucher, ledger);
      done.ledgers = read ? read.summaries : null;
    }
    if (share.chunk) done.chunk = scanChunk(share.chunk);
    return done;
  }

  /**
   * Takes tasks by their index from the counter every thread shares (Atomics), until none is left, and
   * runs each: no thread waits for another to hand it work.
   */
  claim(kind: ClaimKind, tasks: readonly unknown[], counter: Int32Array): Claimed {
    const done: Claimed = [];
    for (let k = Atomics.add(counter, 0, 1); k < tasks.length; k = Atomics.add(counter, 0, 1))
      done.push(k, kind === 'read' ? this.read(tasks[k] as ReadShare) : this.check(tasks[k] as CheckShare));
    return done;
  }

  /** The CPU time this thread has used so far, in ms. */
  cpuMs(): number {
    const { user, system } = process.threadCpuUsage();
    return (user + system) / 1000;
  }

  /** Takes what the shares that follow are checked against. */
  prepare(given: CheckContext): void {
    this.#context = { given, history: new HistoryColumns(given.history) };
  }

  check(share: CheckShare): CheckDone {
    if (!this.#context) throw new Error('a share to check came before its history');
    const { given, history } = this.#context;
    const { tables } = given;
    const ledgers = given.ledgersGiven ? (this.#ledgers ?? new Map<string, FinalLedger>()) : undefined;
    const meta = history.meta;
    const context = {
      history,
      tables,
      funds: given.funds,
      ledgers,
      money: given.run.money,
      conservation: given.run.conservation,
      moves: given.run.moves,
      policy: given.run.policy ? given.policy : undefined,
      oneTime: new Set(meta?.oneTime ?? []),
    };
    const side = newFindings();
    if (given.run.money || given.run.conservation || given.run.policy || given.run.moves)
      for (const v of share.vouchers) checkVoucher(context, v, side);
    const vouchers = history.vouchers.length;
    for (const [ordinal, voucherId] of share.ledgersAlone)
      checkLedgerAlone(context, voucherId, vouchers + ordinal, side);
    const counts = newCounts.linearizability();
    const found: LinFound = [];
    if (given.run.linearizability && given.policy && share.linearizability.length > 0) {
      const model = voucherModel(given.policy, context.oneTime, clockOf(tables));
      const budget = { deadline: given.deadline, steps: given.maxSteps, now: () => Date.now() };
      for (const v of share.linearizability)
        checkVoucherLinearizability(
          history,
          tables,
          v,
          given.funds[v] as number,
          model,
          { budget, hashFrom: given.hashFrom },
          counts,
          found,
        );
    }
    return { side, linearizability: { counts, found } };
  }
}
