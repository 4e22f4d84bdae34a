import { readFile } from 'node:fs/promises';
import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import type { HistoryMeta } from './operation.ts';

/**
 * A voucher's ledger fetched at the end of a run (GET /vouchers/{id}/ledger), plus its funds at the
 * start of the run when known (`initial`, minor units).
 */
export interface FinalLedger {
  voucherId: string;
  initial?: number | { amount: number; currency: string } | null;
  balance?: { amount: number; currency: string };
  entries: LedgerEntry[];
}

export type FinalLedgers = ReadonlyMap<string, FinalLedger>;

function validate(value: unknown, where: string): FinalLedger {
  const ledger = value as FinalLedger;
  if (typeof ledger?.voucherId !== 'string' || !Array.isArray(ledger.entries))
    throw new Error(`${where}: a ledger needs voucherId and entries`);
  for (const [index, entry] of ledger.entries.entries()) {
    const ok =
      Number.isSafeInteger(entry?.amount) &&
      Number.isSafeInteger(entry?.balanceAfter) &&
      Number.isSafeInteger(entry?.seq) &&
      typeof entry?.kind === 'string';
    if (!ok) throw new Error(`${where}: entry ${index} needs integer seq, amount, balanceAfter and a kind`);
  }
  return ledger;
}

/** Parses ledgers given as a JSON array, as {ledgers: [...]}, or as NDJSON (one ledger a line). */
export function parseLedgers(text: string): Map<string, FinalLedger> {
  const trimmed = text.trim();
  let list: unknown[];
  if (trimmed.startsWith('[')) list = JSON.parse(trimmed) as unknown[];
  else if (trimmed.startsWith('{') && !trimmed.includes('\n')) {
    const value = JSON.parse(trimmed) as { ledgers?: unknown[] };
    list = Array.isArray(value.ledgers) ? value.ledgers : [value];
  } else
    list = trimmed
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  const ledgers = new Map<string, FinalLedger>();
  list.forEach((value, index) => {
    const ledger = validate(value, `ledger ${index + 1}`);
    ledgers.set(ledger.voucherId, ledger);
  });
  return ledgers;
}

export async function readLedgersFile(path: string): Promise<Map<string, FinalLedger>> {
  return parseLedgers(await readFile(path, 'utf8'));
}

/** The voucher's funds at the start of the run: from the ledger's `initial`, else from the history's meta line. */
export function initialFunds(
  voucher: string,
  meta: HistoryMeta | null,
  ledgers?: FinalLedgers,
): number | null {
  const initial = ledgers?.get(voucher)?.initial;
  if (typeof initial === 'number') return initial;
  if (initial && typeof initial.amount === 'number') return initial.amount;
  const funds = meta?.funds?.[voucher];
  return typeof funds === 'number' ? funds : null;
}

/** The ledger entries written during the run: all of them, or those at or after meta.startedAt. */
export function runEntries(ledger: FinalLedger, meta: HistoryMeta | null): LedgerEntry[] {
  const sorted = [...ledger.entries].sort((a, b) => a.seq - b.seq);
  const started = meta?.startedAt ? Date.parse(meta.startedAt) : Number.NaN;
  if (Number.isNaN(started)) return sorted;
  return sorted.filter((entry) => !(Date.parse(entry.at) < started));
}
