import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { HistoryMeta, Operation } from './operation.ts';

/** Appends a history, one NDJSON line per operation, honouring back-pressure. */
export interface HistoryWriter {
  meta(meta: Omit<HistoryMeta, 'kind'>): Promise<void>;
  append(op: Operation): Promise<void>;
  close(): Promise<void>;
}

export function createHistoryWriter(output: Writable): HistoryWriter {
  let lines = 0;
  const write = async (value: unknown): Promise<void> => {
    lines += 1;
    if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain');
  };
  return {
    async meta(meta) {
      if (lines > 0) throw new Error('the meta line must be the first line of a history');
      await write({ kind: 'meta', ...meta });
    },
    append: write,
    async close() {
      output.end();
      if (!output.writableFinished) await once(output, 'finish');
    },
  };
}

/** A writer that appends to a file (created if missing). */
export function createHistoryFileWriter(path: string): HistoryWriter {
  return createHistoryWriter(createWriteStream(path, { flags: 'a', encoding: 'utf8' }));
}
