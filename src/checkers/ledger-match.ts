import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import type { HoldFacts } from '../history/hold-index.ts';
import { answerIdentity, remainderAmount } from '../history/op-fields.ts';
import type { Operation } from '../history/operation.ts';
import { type MoneyEffect, moneyEffect } from './money-effect.ts';

// `remainder` is the rest of a redeem-entire voucher moved to its new voucher (CC-04); `payout` is an unused
// voucher's value paid back at a return (LC-08).
const debitKinds = new Set(['capture', 'remainder', 'payout']);
const creditKinds = new Set(['load', 'refund']);

/** Which operation asked for which ledger entry, for one voucher. */
export interface LedgerMatch {
  /** Entry position → history index of the operation that explains it. */
  owner: Map<number, number>;
  /** Acknowledged operations that moved money but have no entry. */
  missing: number[];
  /** Acknowledged operations with more than one entry: [op, entry positions]. */
  duplicated: Array<{ op: number; entries: number[] }>;
  /** Indeterminate operations that the ledger shows happened. */
  infoHappened: number[];
  /** Debit entries (capture, remainder, payout) that no operation asked for. */
  unexplainedDebits: number[];
  /** Credit entries (load, refund) of the run that no operation asked for. */
  unexplainedCredits: number[];
}

function kindsOf(effect: MoneyEffect): Set<string> {
  return effect.direction === 'debit' ? debitKinds : creditKinds;
}

/**
 * Matches the voucher's operations to its ledger entries: by operationId (redemption, refund or hold
 * id) when the entry has one, else by amount and receipt number. `entries` are the run's entries.
 */
export function matchLedger(
  ops: readonly Operation[],
  indices: readonly number[],
  entries: readonly LedgerEntry[],
  holds: ReadonlyMap<string, HoldFacts>,
): LedgerMatch {
  const owner = new Map<number, number>();
  const match: LedgerMatch = {
    owner,
    missing: [],
    duplicated: [],
    infoHappened: [],
    unexplainedDebits: [],
    unexplainedCredits: [],
  };
  const byId = new Map<string, number[]>();
  entries.forEach((entry, position) => {
    if (!entry.operationId) return;
    const list = byId.get(entry.operationId);
    if (list) list.push(position);
    else byId.set(entry.operationId, [position]);
  });
  const effects = new Map<number, MoneyEffect>();
  const knownIds = new Set<string>();
  for (const index of indices) {
    const effect = moneyEffect(ops[index] as Operation, holds);
    if (!effect) continue;
    effects.set(index, effect);
    for (const id of effect.ids) knownIds.add(id);
  }
  const free = (position: number, effect: MoneyEffect, amount: number | null): boolean => {
    const entry = entries[position] as LedgerEntry;
    if (owner.has(position) || !kindsOf(effect).has(entry.kind)) return false;
    if (entry.operationId && knownIds.has(entry.operationId)) return false;
    if (amount !== null && Math.abs(entry.amount) !== amount) return false;
    const number = entry.receipt?.number ?? null;
    return effect.receipt === null || number === null || number === effect.receipt;
  };
  const buckets = new Map<string, { positions: number[]; head: number }>();
  entries.forEach((entry, position) => {
    const key = `${entry.kind}:${Math.abs(entry.amount)}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.positions.push(position);
    else buckets.set(key, { positions: [position], head: 0 });
  });
  const findFree = (effect: MoneyEffect, amount: number | null, kind?: string): number => {
    if (amount === null) {
      for (let position = 0; position < entries.length; position++)
        if ((!kind || entries[position]?.kind === kind) && free(position, effect, amount)) return position;
      return -1;
    }
    for (const entryKind of kind ? [kind] : kindsOf(effect)) {
      const bucket = buckets.get(`${entryKind}:${amount}`);
      if (!bucket) continue;
      while (bucket.head < bucket.positions.length && owner.has(bucket.positions[bucket.head] as number))
        bucket.head += 1;
      for (let at = bucket.head; at < bucket.positions.length; at++) {
        const position = bucket.positions[at] as number;
        if (free(position, effect, amount)) return position;
      }
    }
    return -1;
  };
  const seenResults = new Map<string, number>();
  for (const [index, effect] of effects) {
    const op = ops[index] as Operation;
    if (op.completion !== 'ok') continue;
    const resultId = answerIdentity(op);
    if (resultId !== null && seenResults.has(resultId)) continue; // a replay of an answer already matched
    if (resultId !== null) seenResults.set(resultId, index);
    const kinds = kindsOf(effect);
    const byOperation = new Set<number>();
    for (const id of effect.ids)
      for (const position of byId.get(id) ?? [])
        if (kinds.has((entries[position] as LedgerEntry).kind) && entries[position]?.kind !== 'remainder')
          byOperation.add(position);
    const found = [...byOperation];
    if (found.length === 0) {
      const position = findFree(effect, effect.amount, effect.direction === 'debit' ? 'capture' : undefined);
      if (position >= 0) found.push(position);
    }
    for (const position of found) owner.set(position, index);
    if (found.length === 0) match.missing.push(index);
    if (found.length > 1) match.duplicated.push({ op: index, entries: found });
    const remainder = remainderAmount(op);
    if (remainder > 0) {
      const moved = effect.ids
        .flatMap((id) => byId.get(id) ?? [])
        .find((p) => entries[p]?.kind === 'remainder');
      const position = moved ?? findFree(effect, remainder, 'remainder');
      if (position >= 0) owner.set(position, index);
      else match.missing.push(index);
    }
  }
  // Indeterminate operations whose key a definite answer shares come last: the retry told their outcome.
  const answeredKeys = new Set<string>();
  for (const index of indices) {
    const op = ops[index] as Operation;
    if (op.key !== null && op.completion !== 'info') answeredKeys.add(op.key);
  }
  const unknown = [...effects.keys()].filter((index) => (ops[index] as Operation).completion === 'info');
  const answered = (index: number) => answeredKeys.has((ops[index] as Operation).key ?? '');
  for (const index of [...unknown.filter((i) => !answered(i)), ...unknown.filter(answered)]) {
    const effect = effects.get(index) as MoneyEffect;
    const position = findFree(effect, effect.amount, effect.direction === 'debit' ? 'capture' : undefined);
    if (position < 0) continue;
    owner.set(position, index);
    match.infoHappened.push(index);
  }
  entries.forEach((entry, position) => {
    if (owner.has(position)) return;
    if (entry.kind === 'remainder') {
      const beside = owner.get(position - 1) ?? owner.get(position + 1);
      if (beside !== undefined) {
        owner.set(position, beside);
        return;
      }
    }
    if (debitKinds.has(entry.kind)) match.unexplainedDebits.push(position);
    else if (creditKinds.has(entry.kind)) match.unexplainedCredits.push(position);
  });
  return match;
}
