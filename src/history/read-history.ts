import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { HistoryFormatError } from './history-format-error.ts';
import type { History, HistoryMeta, Operation } from './operation.ts';
import { OperationNumbers } from './operation-numbers.ts';
import { type HistoryLine, parseLine } from './parse-line.ts';

/** Streams the lines of a history one by one, validating each; a bad line throws HistoryFormatError. */
export async function* readHistoryLines(input: Readable): AsyncGenerator<HistoryLine> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    yield parseLine(text, line);
  }
}

/**
 * Builds a history line by line: validates each, refuses an operation recorded twice, and forgives a
 * cut last line (a run stopped while writing it) when told the input ended without a newline.
 */
class HistoryBuilder {
  meta: HistoryMeta | null = null;
  readonly ops: Operation[] = [];
  readonly #numbers = new OperationNumbers();
  #pending: { line: number; error: HistoryFormatError } | undefined;

  add(text: string, line: number): void {
    if (text.trim() === '') return;
    if (this.#pending) throw this.#pending.error;
    let entry: HistoryLine;
    try {
      entry = parseLine(text, line);
    } catch (error) {
      if (!(error instanceof HistoryFormatError) || !error.message.includes('not JSON')) throw error;
      this.#pending = { line, error };
      return;
    }
    if (entry.kind === 'meta') this.meta = entry.meta;
    else {
      this.#numbers.note(entry.op, text, line);
      this.ops.push(entry.op);
    }
  }

  finish(endsWithNewline: boolean): History {
    if (this.#pending && endsWithNewline) throw this.#pending.error;
    return { meta: this.meta, ops: this.ops, ...(this.#pending ? { cutLine: this.#pending.line } : {}) };
  }
}

async function endsWithNewline(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await file.close();
  }
}

/** Reads a whole history file into memory (about 200 bytes per operation). */
export async function readHistoryFile(path: string): Promise<History> {
  const builder = new HistoryBuilder();
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of lines) builder.add(text, ++line);
  return builder.finish(await endsWithNewline(path));
}

/** Parses a history held in a string (tests, fixtures). */
export function parseHistory(text: string): History {
  const builder = new HistoryBuilder();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) builder.add(lines[index] ?? '', index + 1);
  return builder.finish(text.endsWith('\n'));
}
