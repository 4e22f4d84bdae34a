import type { LedgerEntry } from '../../../spec/schemas/ledger.ts';
import { INFO, KEY, OK, RESULT_ID } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { LedgerMatch } from '../ledger-match.ts';
import type { SlotRange } from './history-tables.ts';
import { type ColumnEffect, effectIds, effectReceipt, remainderOf, TOP_UP } from './money-effects.ts';
import { OpStringSet } from './op-string-set.ts';

const debitKinds = new Set(['capture', 'remainder', 'payout']);
const creditKinds = new Set(['load', 'refund']);
const kindsOf = (effect: ColumnEffect) => (effect.debit ? debitKinds : creditKinds);

/**
 * matchLedger (src/checkers/ledger-match.ts) over the columns: which operation asked for which entry,
 * by operationId when the entry has one, else by amount and receipt number. `effects` are every money
 * effect of the voucher's operations in history order; `ops` the voucher's operations.
 */
export function matchVoucherLedger(
  history: HistoryColumns,
  effects: readonly ColumnEffect[],
  ops: SlotRange,
  entries: readonly LedgerEntry[],
): LedgerMatch {
  const c = history.c;
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
  // An entry whose operationId belongs to an operation is never another operation's by amount.
  const knownIds = new Set<string>();
  if (byId.size > 0)
    for (const effect of effects) for (const id of effectIds(history, effect)) knownIds.add(id);
  const free = (position: number, effect: ColumnEffect, amount: number | null): boolean => {
    const entry = entries[position] as LedgerEntry;
    if (owner.has(position) || !kindsOf(effect).has(entry.kind)) return false;
    if (entry.operationId && knownIds.has(entry.operationId)) return false;
    if (amount !== null && Math.abs(entry.amount) !== amount) return false;
    const number = entry.receipt?.number ?? null;
    const receipt = number === null ? null : effectReceipt(history, effect);
    return receipt === null || number === receipt;
  };
  const buckets = new Map<string, { positions: number[]; head: number }>();
  entries.forEach((entry, position) => {
    const key = `${entry.kind}:${Math.abs(entry.amount)}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.positions.push(position);
    else buckets.set(key, { positions: [position], head: 0 });
  });
  const findFree = (effect: ColumnEffect, amount: number | null, kind?: string): number => {
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
  const seenResults = new OpStringSet(history, RESULT_ID, c.idHash);
  // A top-up's answer is the voucher: its key, not its result id, says whether it is a replay.
  const seenKeys = new OpStringSet(history, KEY, c.keyHash);
  const unknown: ColumnEffect[] = [];
  for (const effect of effects) {
    const index = effect.index;
    if (c.completion[index] === INFO) unknown.push(effect);
    if (c.completion[index] !== OK) continue;
    const replay =
      c.kind[index] === TOP_UP
        ? history.has(index, KEY) && seenKeys.addOrFind(index) >= 0
        : history.has(index, RESULT_ID) && seenResults.addOrFind(index) >= 0;
    if (replay) continue; // a replay of an answer already matched
    const kinds = kindsOf(effect);
    const byOperation = new Set<number>();
    if (byId.size > 0)
      for (const id of effectIds(history, effect))
        for (const position of byId.get(id) ?? [])
          if (kinds.has((entries[position] as LedgerEntry).kind) && entries[position]?.kind !== 'remainder')
            byOperation.add(position);
    const found = [...byOperation];
    if (found.length === 0) {
      const position = findFree(effect, effect.amount, effect.debit ? 'capture' : undefined);
      if (position >= 0) found.push(position);
    }
    for (const position of found) owner.set(position, index);
    if (found.length === 0) match.missing.push(index);
    if (found.length > 1) match.duplicated.push({ op: index, entries: found });
    const remainder = remainderOf(history, index);
    if (remainder > 0) {
      const moved =
        byId.size > 0
          ? effectIds(history, effect)
              .flatMap((id) => byId.get(id) ?? [])
              .find((p) => entries[p]?.kind === 'remainder')
          : undefined;
      const position = moved ?? findFree(effect, remainder, 'remainder');
      if (position >= 0) owner.set(position, index);
      else match.missing.push(index);
    }
  }
  if (unknown.length > 0) {
    // Indeterminate operations whose key a definite answer shares come last: the retry told their outcome.
    const answeredKeys = new OpStringSet(history, KEY, c.keyHash);
    let emptyKeyAnswered = false;
    for (let i = ops.from; i < ops.to; i++) {
      if (c.completion[i] === INFO || !history.has(i, KEY)) continue;
      answeredKeys.addOrFind(i);
      if (history.is(i, KEY, '')) emptyKeyAnswered = true;
    }
    const answered = (effect: ColumnEffect) =>
      history.has(effect.index, KEY) ? answeredKeys.find(effect.index) >= 0 : emptyKeyAnswered;
    for (const effect of [...unknown.filter((e) => !answered(e)), ...unknown.filter(answered)]) {
      const position = findFree(effect, effect.amount, effect.debit ? 'capture' : undefined);
      if (position < 0) continue;
      owner.set(position, effect.index);
      match.infoHappened.push(effect.index);
    }
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
