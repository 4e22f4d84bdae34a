import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

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
