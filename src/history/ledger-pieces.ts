import { type FinalLedger, validateLedger } from './final-ledger.ts';

/**
 * A ledgers file cut into its ledgers without parsing it, so that threads can each parse a share:
 * NDJSON (one ledger a line) or a JSON array written one ledger a line. Any other layout (one object,
 * {ledgers: [...]}, a pretty-printed array), or anything unusual, gives null: parseLedgers reads it whole.
 * Byte offsets, as start/end pairs.
 */
export function cutLedgers(bytes: Uint8Array): number[] | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const isSpace = (c: number | undefined) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let first = 0;
  while (first < bytes.length && isSpace(bytes[first])) first++;
  let last = bytes.length;
  while (last > first && isSpace(bytes[last - 1])) last--;
  if (first === last) return [];
  if ((bytes[first] as number) >= 0x80 || (bytes[last - 1] as number) >= 0x80) return null;
  const lines: Array<[number, number]> = [];
  for (let p = first; p < last; ) {
    let end = view.indexOf(10, p);
    if (end < 0 || end > last) end = last;
    let start = p;
    let stop = end;
    while (start < stop && isSpace(bytes[start])) start++;
    while (stop > start && isSpace(bytes[stop - 1])) stop--;
    if (start < stop) lines.push([start, stop]);
    p = end + 1;
  }
  if (bytes[first] === 0x7b) {
    if (lines.length === 1) return null; // one object, or {ledgers: [...]}
    return lines.flat();
  }
  if (bytes[first] !== 0x5b || bytes[last - 1] !== 0x5d) return lines.length > 0 ? lines.flat() : [];
  // An array: '[' then one ledger a line, each but the last followed by a comma, then ']'.
  const pieces: number[] = [];
  lines.forEach(([start, stop], index) => {
    if (index === 0) start++;
    if (index === lines.length - 1) stop--;
    while (start < stop && isSpace(bytes[start])) start++;
    while (stop > start && isSpace(bytes[stop - 1])) stop--;
    const comma = bytes[stop - 1] === 0x2c;
    if (comma) stop--;
    if (start < stop) pieces.push(start, stop, comma ? 1 : 0);
  });
  const out: number[] = [];
  for (let k = 0; k < pieces.length; k += 3) {
    const comma = pieces[k + 2] === 1;
    if (comma !== k + 3 < pieces.length) return null;
    out.push(pieces[k] as number, pieces[k + 1] as number);
  }
  return out;
}

/** What the checkers of the whole history need of a ledger read by another thread. */
export interface LedgerSummary {
  voucherId: string;
  /** The funds its `initial` gives (initialFunds), null when it gives none. */
  initial: number | null;
  breach?: { path: string; message: string };
}

/**
 * Parses and checks the ledgers at `pieces[from..to)` (pairs of offsets); `ordinal` numbers the first
 * one in the file. Null when one is not JSON or not a ledger: the caller then reads the file whole,
 * with parseLedgers, which says what is wrong.
 */
export function parseLedgerPieces(
  bytes: Uint8Array,
  pieces: readonly number[],
  ordinal: number,
): { ledgers: Map<string, FinalLedger>; summaries: LedgerSummary[] } | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const ledgers = new Map<string, FinalLedger>();
  const summaries: LedgerSummary[] = [];
  try {
    for (let k = 0; k < pieces.length; k += 2) {
      const value = JSON.parse(view.toString('utf8', pieces[k] as number, pieces[k + 1] as number));
      const ledger = validateLedger(value, `ledger ${ordinal + k / 2 + 1}`);
      if (ledgers.has(ledger.voucherId)) return null;
      ledgers.set(ledger.voucherId, ledger);
      const initial = ledger.initial;
      const breach = ledger.violations?.[0];
      summaries.push({
        voucherId: ledger.voucherId,
        initial:
          typeof initial === 'number'
            ? initial
            : initial && typeof initial.amount === 'number'
              ? initial.amount
              : null,
        ...(breach ? { breach: { path: breach.path, message: breach.message } } : {}),
      });
    }
  } catch {
    return null;
  }
  return { ledgers, summaries };
}
