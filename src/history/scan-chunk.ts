import type { ColumnArrays } from './column-layout.ts';
import { HistoryFormatError } from './history-format-error.ts';
import { LineScanner } from './line-scanner.ts';
import type { HistoryMeta, Operation } from './operation.ts';
import { writeOperation } from './operation-columns.ts';
import { parseLine } from './parse-line.ts';
import { StringInterner } from './string-interner.ts';

/** How lines are split: as readline splits a file (\n, \r\n and a lone \r), or at \n only (a string). */
export type LineBreaks = 'readline' | 'newline';

/** One part of a history to read: bytes start..end (starting a line), into slots from `base`. */
export interface ChunkTask {
  bytes: Uint8Array;
  start: number;
  end: number;
  /** Whether the chunk holds the file's first line (the only one that may be a meta line). */
  first: boolean;
  breaks: LineBreaks;
  columns: ColumnArrays;
  base: number;
}

/** The first bad line of a chunk, numbered within the chunk (from 1). */
export interface ChunkError {
  line: number;
  reason: string;
  /** A line that is not JSON and the chunk's last non-empty one: forgiven when it is the file's (cut). */
  cut: boolean;
}

export interface ChunkResult {
  /** Operations read, in slots base..base+ops. */
  ops: number;
  /** Line breaks in the chunk: the next chunk's lines are numbered after them. */
  breaks: number;
  /** Whether the chunk has a non-empty line. */
  nonEmpty: boolean;
  error?: ChunkError;
  meta?: HistoryMeta;
  vouchers: string[];
  clients: string[];
  codes: string[];
  /** Operations the scanner declined and parseLine read, by slot (kept as objects). */
  objects: Array<[number, Operation]>;
}

/** The slots a chunk of `bytes` bytes may need: no operation line is shorter than 100 bytes. */
export function chunkCapacity(bytes: number): number {
  return Math.floor(bytes / 100) + 1;
}

/**
 * Reads the lines of one chunk into columns: each line through the LineScanner, and any line it
 * declines through parseLine (the reference, which names what is wrong). Stops at the first bad line;
 * a line that is not JSON is held back, as the whole-file reader does, until a non-empty line follows.
 */
export function scanChunk(task: ChunkTask): ChunkResult {
  const { bytes, end, columns, base } = task;
  const tables = {
    vouchers: new StringInterner(),
    clients: new StringInterner(),
    codes: new StringInterner(),
  };
  const scanner = new LineScanner(bytes, columns, tables);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const carriage = task.breaks === 'readline' && view.indexOf(13, task.start) >= 0;
  const capacity = chunkCapacity(end - task.start);
  const result: ChunkResult = {
    ops: 0,
    breaks: 0,
    nonEmpty: false,
    vouchers: [],
    clients: [],
    codes: [],
    objects: [],
  };
  let pending: ChunkError | undefined;
  let line = 0;
  const read = (start: number, stop: number): boolean => {
    line++;
    if (start === stop && pending === undefined) return true;
    const slot = base + result.ops;
    if (result.ops >= capacity) throw new Error('history chunk: more operations than its size allows');
    if (pending === undefined && start < stop && scanner.scan(start, stop, slot, line)) {
      result.ops++;
      result.nonEmpty = true;
      return true;
    }
    const text = view.toString('utf8', start, stop);
    if (text.trim() === '') return true;
    result.nonEmpty = true;
    if (pending) {
      pending.cut = false;
      return false;
    }
    try {
      const entry = parseLine(text, line, task.first && line === 1);
      if (entry.kind === 'meta') result.meta = entry.meta;
      else {
        writeOperation(columns, slot, entry.op, tables, { start, length: stop - start, number: line });
        result.objects.push([slot, entry.op]);
        result.ops++;
      }
      return true;
    } catch (error) {
      if (!(error instanceof HistoryFormatError)) throw error;
      const notJson = error.reason.startsWith('not JSON');
      if (notJson) {
        pending = { line, reason: error.reason, cut: true };
        return true;
      }
      result.error = { line, reason: error.reason, cut: false };
      return false;
    }
  };
  let p = task.start;
  let going = true;
  // The next \r at or after p (a lone \r ends a line too, as readline reads); -1: none left.
  let cr = carriage ? view.indexOf(13, p) : -1;
  while (going && p < end) {
    let stop = view.indexOf(10, p);
    const last = stop < 0 || stop >= end;
    if (last) stop = end;
    else result.breaks++;
    let lineEnd = stop;
    if (cr >= 0 && cr < stop) {
      if (view[lineEnd - 1] === 13 && lineEnd - 1 >= p) lineEnd--;
      while (going && cr >= 0 && cr < lineEnd) {
        result.breaks++;
        going = read(p, cr);
        p = cr + 1;
        cr = view.indexOf(13, p);
      }
      if (cr >= 0 && cr < stop) cr = view.indexOf(13, stop);
    }
    if (going) going = read(p, lineEnd);
    p = stop + 1;
  }
  if (!result.error && pending) result.error = pending;
  result.vouchers = tables.vouchers.strings;
  result.clients = tables.clients.strings;
  result.codes = tables.codes.strings;
  return result;
}
