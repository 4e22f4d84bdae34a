import { createReadStream } from 'node:fs';

const newline = 0x0a;
const quote = 0x22;
/** How k6 starts every data point's line: `{"metric":"NAME","type":"Point",...}`. */
const pointStart = Buffer.from('{"metric":"');

/** The names to keep, looked up by length and first byte, then compared byte by byte. */
function nameTable(names: readonly string[]): Map<number, Buffer[]> {
  const table = new Map<number, Buffer[]>();
  for (const name of names) {
    const bytes = Buffer.from(name, 'latin1');
    const key = bytes.length * 256 + (bytes[0] ?? 0);
    table.set(key, [...(table.get(key) ?? []), bytes]);
  }
  return table;
}

/** Whether `chunk` holds `name` at `from` (names are short: a loop beats a native call). */
function sameBytes(chunk: Buffer, from: number, name: Buffer): boolean {
  for (let i = 0; i < name.length; i++) if (chunk[from + i] !== name[i]) return false;
  return true;
}

/**
 * Reads a k6 JSON output (`--out json=FILE`) in chunks and hands over each line as text, except the data
 * points of metrics not in `wanted`: those are recognised from their first bytes and skipped without
 * being decoded or parsed (a run of a million requests writes ten lines or more per request, and the
 * audit needs only a few metrics of them). A line of any other shape is always handed over. Memory
 * stays at one chunk and one line, whatever the size of the file. `range`: only the bytes from `start`
 * to `end` (each at the start of a line).
 */
export async function readK6Lines(
  path: string,
  wanted: readonly string[] | 'all',
  onLine: (text: string) => void,
  range?: { start: number; end: number },
): Promise<void> {
  const table = wanted === 'all' ? null : nameTable(wanted);
  const keep = (chunk: Buffer, start: number, end: number): boolean => {
    if (!table || end - start <= pointStart.length) return true;
    for (let i = 0; i < pointStart.length; i++) if (chunk[start + i] !== pointStart[i]) return true;
    const from = start + pointStart.length;
    const close = chunk.indexOf(quote, from);
    if (close < 0 || close >= end) return true;
    const candidates = table.get((close - from) * 256 + (chunk[from] as number));
    return candidates?.some((name) => sameBytes(chunk, from, name)) ?? false;
  };
  const take = (chunk: Buffer, start: number, end: number) => {
    if (!keep(chunk, start, end)) return;
    const text = chunk.toString('utf8', start, end);
    if (text.trim() !== '') onLine(text);
  };
  let carry: Buffer | null = null;
  const stream = createReadStream(path, {
    highWaterMark: 1 << 22,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  if (range && range.end <= range.start) return;
  for await (const piece of stream) {
    const chunk = piece as Buffer;
    let start = 0;
    let at = chunk.indexOf(newline);
    if (carry) {
      if (at < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, at)]);
      carry = null;
      take(joined, 0, joined.length);
      start = at + 1;
      at = chunk.indexOf(newline, start);
    }
    while (at >= 0) {
      take(chunk, start, at);
      start = at + 1;
      at = chunk.indexOf(newline, start);
    }
    if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
  }
  if (carry) take(carry, 0, carry.length);
}
