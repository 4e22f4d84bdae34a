import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { HistoryMeta, Operation } from './operation.ts';

/** A history written as it happens: each line reaches the file when its operation completes. */
export interface HistoryFile {
  readonly path: string;
  meta(meta: Omit<HistoryMeta, 'kind'>): void;
  append(op: Operation): void;
  close(): void;
}

/**
 * Opens (truncates) a history file and writes each line with one system call as it comes, so that a
 * crash, an interrupt or kill -9 leaves every completed operation on disk (at most the last line cut).
 */
export function openHistoryFile(path: string): HistoryFile {
  const fd = openSync(path, 'w');
  let lines = 0;
  let closed = false;
  const write = (value: unknown) => {
    if (closed) return;
    lines += 1;
    writeSync(fd, `${JSON.stringify(value)}\n`);
  };
  return {
    path,
    meta(meta) {
      if (lines > 0) throw new Error('the meta line must be the first line of a history');
      write({ kind: 'meta', ...meta });
    },
    append: write,
    close() {
      if (closed) return;
      closed = true;
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}
