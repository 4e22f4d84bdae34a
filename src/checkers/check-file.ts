import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { HistoryColumns } from '../history/history-columns.ts';
import type { History, Operation } from '../history/operation.ts';
import {
  type CheckerName,
  type ColumnCheckOptions,
  checkColumns,
  defaultThreads,
} from './columnar/check-columns.ts';
import { ThreadPool } from './columnar/thread-pool.ts';
import type { Report } from './compose.ts';

export type { CheckerName };

/** Reads a whole file into memory shareable with worker threads. */
export function readShared(path: string): Uint8Array {
  const file = openSync(path, 'r');
  try {
    const size = fstatSync(file).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, size)), 0, size);
    for (let at = 0; at < size; ) {
      const read = readSync(file, bytes, at, Math.min(size - at, 1 << 30), at);
      if (read === 0) break;
      at += read;
    }
    return bytes;
  } finally {
    closeSync(file);
  }
}

/**
 * A History whose operations are made from their lines only when asked for: `ops.length` and
 * `ops[index]` cost one line each (what the summary and a window read); anything else (iterating them,
 * as the HTML page does) makes them all once.
 */
export function historyView(columns: HistoryColumns): History {
  const one = new Map<number, Operation>();
  let all: Operation[] | undefined;
  const every = (): Operation[] => {
    all ??= Array.from(
      { length: columns.size },
      (_, index) => one.get(index) ?? columns.op(columns.slotOf[index] as number),
    );
    return all;
  };
  const ops = new Proxy([] as Operation[], {
    get(_target, property) {
      if (property === 'length') return columns.size;
      if (typeof property === 'string' && /^(0|[1-9]\d*)$/.test(property)) {
        const index = Number(property);
        if (index >= columns.size) return undefined;
        if (all) return all[index];
        let op = one.get(index);
        if (!op) {
          op = columns.op(columns.slotOf[index] as number);
          one.set(index, op);
        }
        return op;
      }
      const list = every();
      const value = Reflect.get(list, property, list);
      return typeof value === 'function' ? value.bind(list) : value;
    },
    has(_target, property) {
      return Reflect.has(every(), property);
    },
  });
  return {
    meta: columns.meta,
    ops,
    ...(columns.data.cutLine !== undefined ? { cutLine: columns.data.cutLine } : {}),
  };
}

export interface CheckFileResult {
  /** The history checked (its operations read from the file when asked for). */
  history: History;
  report: Report;
  timings: { readMs: number; tablesMs: number; checkMs: number; threads: number };
}

/** The size of a file, 0 when it cannot be read (reading it says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * `vcert check FILE [--ledgers FILE]`: every checker over a stored history, with the report checkAll
 * gives for it, read once into columns and checked one voucher at a time over worker threads. Throws a
 * HistoryFormatError (bad line, with its number) or the ledgers' error, as readHistoryFile and
 * readLedgersFile do; a cut last line is left out and named in `history.cutLine`.
 */
export async function checkHistoryFile(
  path: string,
  options: ColumnCheckOptions & { ledgers?: string } = {},
): Promise<CheckFileResult> {
  const started = performance.now();
  // The workers start first: their start-up overlaps the reading of the files.
  const pool = new ThreadPool(Math.max(1, options.threads ?? defaultThreads(sizeOf(path))) - 1);
  try {
    const bytes = readShared(path);
    let ledgers: Uint8Array | undefined;
    try {
      ledgers = options.ledgers === undefined ? undefined : readShared(options.ledgers);
    } catch (error) {
      // As readHistoryFile then readLedgersFile: a bad history line is told before an unreadable ledgers file.
      await checkColumns(bytes, undefined, { ...options, only: [] }, pool);
      throw error;
    }
    const fileMs = performance.now() - started;
    const checked = await checkColumns(bytes, ledgers, options, pool);
    return {
      history: historyView(checked.history),
      report: checked.report,
      timings: { ...checked.timings, readMs: checked.timings.readMs + fileMs },
    };
  } finally {
    await pool.close();
  }
}
