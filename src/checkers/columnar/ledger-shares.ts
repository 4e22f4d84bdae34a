import { type FinalLedger, parseLedgers } from '../../history/final-ledger.ts';
import { cutLedgers, type LedgerSummary } from '../../history/ledger-pieces.ts';
import type { ReadDone } from './check-thread.ts';
import { type ThreadPool, tasksAThread } from './thread-pool.ts';

/** The final ledgers as read: what the checkers of the whole history need, and which thread holds each. */
export interface LedgersRead {
  summaries: LedgerSummary[];
  /** Voucher id → the slot of the thread that holds its ledger. */
  holder: Map<string, number>;
}

/** Cuts the ledger pieces into one run of consecutive ledgers per share, about equal in bytes. */
function split(pieces: readonly number[], count: number): Array<{ pieces: number[]; ordinal: number }> {
  const total = pieces.length > 0 ? (pieces[pieces.length - 1] as number) - (pieces[0] as number) : 0;
  const shares: Array<{ pieces: number[]; ordinal: number }> = [];
  let k = 0;
  for (let share = 0; share < count; share++) {
    const next = { pieces: [] as number[], ordinal: k / 2 };
    const until = (pieces[0] ?? 0) + (total * (share + 1)) / count;
    while (k < pieces.length && (share === count - 1 || (pieces[k] as number) < until)) {
      next.pieces.push(pieces[k] as number, pieces[k + 1] as number);
      k += 2;
    }
    shares.push(next);
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
 * Starts reading the ledgers on the worker threads, each claiming, parsing and keeping runs of them,
 * while the main thread goes on with the history; the answer makes the main thread claim what is left,
 * then waits for all. A ledgers file that cannot be shared out (one line, another layout, a bad or
 * doubled ledger) is then read whole on the main thread, which holds it all and throws parseLedgers'
 * error.
 */
export function readLedgers(pool: ThreadPool, bytes: Uint8Array): () => Promise<LedgersRead> {
  const pieces = cutLedgers(bytes);
  const runs = pieces ? split(pieces, pool.size === 1 ? 1 : pool.size * tasksAThread) : [];
  const reading = pool.claim<ReadDone>(
    'read',
    runs.map((run) => ({ ledgers: { bytes, ...run } })),
  );
  return async () => {
    const done = await reading.join();
    const holder = new Map<string, number>();
    const summaries: LedgerSummary[] = [];
    let whole = pieces === null || done.some((read) => !Array.isArray(read.ledgers));
    done.forEach((read, k) => {
      for (const summary of read.ledgers ?? []) {
        whole ||= holder.has(summary.voucherId);
        summaries.push(summary);
        holder.set(summary.voucherId, reading.slots[k] as number);
      }
    });
    if (!whole) return { summaries, holder };
    const ledgers = parseLedgers(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    pool.main.hold(ledgers);
    return {
      summaries: [...ledgers.values()].map(summaryOf),
      holder: new Map([...ledgers.keys()].map((voucher) => [voucher, 0])),
    };
  };
}
