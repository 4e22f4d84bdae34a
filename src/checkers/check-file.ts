import { statSync } from 'node:fs';
import type { History } from '../history/operation.ts';
import { readShared } from '../history/read-shared.ts';
import {
  type CheckerName,
  type CheckTimings,
  type ColumnCheckOptions,
  checkColumns,
  defaultThreads,
} from './columnar/check-columns.ts';
import { historyView } from './columnar/history-view.ts';
import { ThreadPool } from './columnar/thread-pool.ts';
import type { Report } from './compose.ts';

export type { CheckerName };

export interface CheckFileResult {
  /** The history checked (its operations read from the file when asked for). */
  history: History;
  report: Report;
  timings: CheckTimings;
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
