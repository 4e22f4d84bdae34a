import { createReadStream } from 'node:fs';

const newline = 0x0a;
const quote = 0x22;
/** How k6 starts every data point's line: `{"metric":"NAME","type":"Point",...}`. */
const pointStart = Buffer.from('{"metric":"');

/** The metric a Point line names, read from its bytes; null when the line does not start as k6 writes. */
function metricOf(chunk: Buffer, start: number, end: number): string | null {
  if (
    end - start <= pointStart.length ||
    chunk.compare(pointStart, 0, pointStart.length, start, start + pointStart.length) !== 0
  )
    return null;
  const from = start + pointStart.length;
  const close = chunk.indexOf(quote, from);
  return close < 0 || close >= end ? null : chunk.toString('latin1', from, close);
}

/**
 * Reads a k6 JSON output (`--out json=FILE`) in chunks and hands over each line as text, except the data
 * points of metrics that `wanted` declines: those are recognised from their first bytes and skipped
 * without being decoded or parsed (a run of a million requests writes ten lines or more per request, and
 * the audit needs only a few metrics of them). A line of any other shape is always handed over. Memory
 * stays at one chunk and one line, whatever the size of the file.
 */
export async function readK6Lines(
  path: string,
  wanted: (metric: string) => boolean,
  onLine: (text: string) => void,
): Promise<void> {
  let carry: Buffer | null = null;
  const take = (chunk: Buffer, start: number, end: number) => {
    const metric = metricOf(chunk, start, end);
    if (metric !== null && !wanted(metric)) return;
    const text = chunk.toString('utf8', start, end);
    if (text.trim() !== '') onLine(text);
  };
  for await (const piece of createReadStream(path, { highWaterMark: 1 << 22 })) {
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
