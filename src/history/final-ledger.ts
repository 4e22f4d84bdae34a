import { readFile } from 'node:fs/promises';
import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import type { HistoryMeta } from './operation.ts';

/**
 * What was read of a voucher at the end of a run: its ledger (GET /vouchers/{id}/ledger) or, when the
 * system has none or it could not be read, its balance alone (GET /vouchers/{id}/balance), plus its funds
 * at the start of the run when known (`initial`, minor units). `unreadable` says why neither could be
 * read: the checkers then give that voucher `unknown`, never a pass.
 */
export interface FinalLedger {
  voucherId: string;
  initial?: number | { amount: number; currency: string } | null;
  balance?: { amount: number; currency: string };
  /** Absent when only the balance was read. */
  entries?: LedgerEntry[];
  /** Why the ledger (and the balance) could not be read. */
  unreadable?: string;
  /** Where the answer read departs from the contract (the contract checker reports it). */
  violations?: Array<{ path: string; message: string; value?: unknown }>;
}

/** The voucher's balance at the end of the run: the ledger's balance, else its last balanceAfter; null when unknown. */
export function finalBalance(ledger: FinalLedger | undefined): number | null {
  if (!ledger) return null;
  if (ledger.balance && Number.isSafeInteger(ledger.balance.amount)) return ledger.balance.amount;
  const last = ledger.entries?.reduce<LedgerEntry | undefined>(
    (latest, entry) => (latest === undefined || entry.seq > latest.seq ? entry : latest),
    undefined,
  );
  return last?.balanceAfter ?? null;
}

export type FinalLedgers = ReadonlyMap<string, FinalLedger>;

/** Checks one ledger of a ledgers file (`where` names it in the error). */
export function validateLedger(value: unknown, where: string): FinalLedger {
  const ledger = value as FinalLedger;
  if (typeof ledger?.voucherId !== 'string') throw new Error(`${where}: a ledger needs a voucherId`);
  if (ledger.entries !== undefined && !Array.isArray(ledger.entries))
    throw new Error(`${where}: entries must be a list`);
  if (ledger.balance !== undefined && !Number.isSafeInteger(ledger.balance?.amount))
    throw new Error(`${where}: balance must be {amount, currency} with an integer amount`);
  for (const [index, entry] of (ledger.entries ?? []).entries()) {
    const ok =
      Number.isSafeInteger(entry?.amount) &&
      (entry?.balanceAfter === undefined || Number.isSafeInteger(entry.balanceAfter)) &&
      Number.isSafeInteger(entry?.seq) &&
      typeof entry?.kind === 'string';
    if (!ok) throw new Error(`${where}: entry ${index} needs integer seq and amount, and a kind`);
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
    const ledger = validateLedger(value, `ledger ${index + 1}`);
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
  const sorted = [...(ledger.entries ?? [])].sort((a, b) => a.seq - b.seq);
  const started = meta?.startedAt ? Date.parse(meta.startedAt) : Number.NaN;
  if (Number.isNaN(started)) return sorted;
  return sorted.filter((entry) => !(Date.parse(entry.at) < started));
}
