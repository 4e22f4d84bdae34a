import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { History, HistoryMeta, Operation } from './operation.ts';
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

/** Reads a whole history file into memory (about 200 bytes per operation). */
export async function readHistoryFile(path: string): Promise<History> {
  let meta: HistoryMeta | null = null;
  const ops: Operation[] = [];
  for await (const entry of readHistoryLines(createReadStream(path, { encoding: 'utf8' }))) {
    if (entry.kind === 'meta') meta = entry.meta;
    else ops.push(entry.op);
  }
  return { meta, ops };
}

/** Parses a history held in a string (tests, fixtures). */
export function parseHistory(text: string): History {
  let meta: HistoryMeta | null = null;
  const ops: Operation[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const entry = parseLine(raw, index + 1);
    if (entry.kind === 'meta') meta = entry.meta;
    else ops.push(entry.op);
  }
  return { meta, ops };
}
