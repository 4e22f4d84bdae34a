import { findRepeatedOperation } from './column-duplicates.ts';
import { allocateColumns, moveSlots } from './column-layout.ts';
import type { ColumnHistoryData } from './history-columns.ts';
import { HistoryFormatError } from './history-format-error.ts';
import type { Operation } from './operation.ts';
import { type ChunkResult, type ChunkTask, chunkCapacity, type LineBreaks } from './scan-chunk.ts';

/** Reads chunks of a history, in this thread or spread over worker threads; results in chunk order. */
export type ChunkRunner = (tasks: ChunkTask[]) => Promise<ChunkResult[]>;

export interface ReadColumnsOptions {
  breaks: LineBreaks;
  /** How many chunks to cut the bytes into (one per thread that reads). */
  chunks: number;
  /** Allocate the columns on SharedArrayBuffers (for worker threads). */
  shared: boolean;
  run: ChunkRunner;
}

/** Cuts `bytes` into about `count` chunks of whole lines. */
function cut(bytes: Uint8Array, count: number): Array<[number, number]> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const chunks: Array<[number, number]> = [];
  let start = 0;
  for (let k = 1; k <= count && start < bytes.length; k++) {
    let end = k === count ? bytes.length : Math.floor((bytes.length * k) / count);
    if (end < bytes.length) {
      const newline = view.indexOf(10, Math.max(end, start));
      end = newline < 0 ? bytes.length : newline + 1;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

/**
 * Reads a whole history from its bytes into columns, with the verdicts of readHistoryFile: the first
 * bad line (by number) is thrown as a HistoryFormatError, an operation recorded twice too, and a last
 * line that is not JSON, with nothing after it and no newline at the end, is left out as cut.
 */
export async function readColumns(
  bytes: Uint8Array,
  options: ReadColumnsOptions,
): Promise<ColumnHistoryData> {
  const parts = cut(bytes, Math.max(1, options.chunks));
  const capacities = parts.map(([start, end]) => chunkCapacity(end - start));
  const columns = allocateColumns(
    capacities.reduce((sum, capacity) => sum + capacity, 0),
    options.shared,
  );
  let base = 0;
  const tasks = parts.map(([start, end], k): ChunkTask => {
    const task = { bytes, start, end, first: k === 0, breaks: options.breaks, columns, base };
    base += capacities[k] as number;
    return task;
  });
  const results = await options.run(tasks);

  // The first bad line, in the whole file's numbering; a cut last line is forgiven.
  let firstLine = 1;
  let error: HistoryFormatError | undefined;
  let cutLine: number | undefined;
  let through = results.length;
  for (let k = 0; k < results.length && !error && cutLine === undefined; k++) {
    const result = results[k] as ChunkResult;
    if (result.error) {
      const line = firstLine + result.error.line - 1;
      const last = bytes.length > 0 && bytes[bytes.length - 1] === 10;
      const later = results.slice(k + 1).some((other) => other.nonEmpty);
      if (result.error.cut && !later && !last) cutLine = line;
      else error = new HistoryFormatError(line, result.error.reason);
      through = k + 1;
    }
    firstLine += result.breaks;
  }

  // Close the gaps between chunks; number vouchers, clients and codes for the whole history.
  const vouchers = new Numbering();
  const clients = new Numbering();
  const codes = new Numbering();
  const objects: Array<[number, Operation]> = [];
  let size = 0;
  firstLine = 1;
  for (let k = 0; k < through; k++) {
    const result = results[k] as ChunkResult;
    const from = (tasks[k] as ChunkTask).base;
    moveSlots(columns, from, size, result.ops);
    const voucherIds = vouchers.map(result.vouchers);
    const clientIds = clients.map(result.clients);
    const codeIds = codes.map(result.codes);
    for (let i = size; i < size + result.ops; i++) {
      columns.voucher[i] = voucherIds[columns.voucher[i] as number] as number;
      columns.client[i] = clientIds[columns.client[i] as number] as number;
      const code = columns.code[i] as number;
      if (code >= 0) columns.code[i] = codeIds[code] as number;
      columns.line[i] = (columns.line[i] as number) + firstLine - 1;
    }
    for (const [slot, op] of result.objects) objects.push([slot - from + size, op]);
    size += result.ops;
    firstLine += result.breaks;
  }
  const data: ColumnHistoryData = {
    meta: results[0]?.meta ?? null,
    size,
    columns,
    text: bytes,
    vouchers: vouchers.strings,
    clients: clients.strings,
    codes: codes.strings,
    objects,
    slotOf: identity(size, options.shared),
    indexOf: identity(size, options.shared),
    ...(cutLine !== undefined ? { cutLine } : {}),
  };
  const repeated = findRepeatedOperation(data, error ? error.line : Number.POSITIVE_INFINITY);
  if (repeated) throw repeated;
  if (error) throw error;
  return data;
}

/** Numbers strings across chunks in order of first appearance. */
class Numbering {
  readonly strings: string[] = [];
  readonly #ids = new Map<string, number>();

  /** The whole-history numbers of a chunk's strings (listed in their chunk's order). */
  map(local: readonly string[]): Int32Array {
    const ids = new Int32Array(local.length);
    local.forEach((text, index) => {
      let id = this.#ids.get(text);
      if (id === undefined) {
        id = this.strings.length;
        this.strings.push(text);
        this.#ids.set(text, id);
      }
      ids[index] = id;
    });
    return ids;
  }
}

/** Slots in history order: slot i holds history index i. */
function identity(size: number, shared: boolean): Int32Array {
  const bytes = Math.max(8, size * 4);
  const order = new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, size);
  for (let i = 0; i < size; i++) order[i] = i;
  return order;
}
