import { runEntries } from '../history/final-ledger.ts';
import { indexHolds } from '../history/hold-index.ts';
import { isAnswer } from '../history/op-fields.ts';
import type { Operation } from '../history/operation.ts';
import { partitionByVoucher } from '../history/voucher-partition.ts';
import { canonicalJson } from './canonical-json.ts';
import type { CheckInput } from './check-input.ts';
import { groupByKey, requestSignature } from './key-groups.ts';
import { matchLedger } from './ledger-match.ts';
import { type Verdict, ViolationLog } from './verdict.ts';

/** An answer as the caller saw it: completion, status (a 201 replayed as 200 is another answer) and body. */
export function answerOf(op: Operation): string {
  return `${op.completion}:${op.status ?? ''}:${canonicalJson(op.result)}`;
}

/**
 * Idempotency: operations that share a key and a request returned the same answer and moved money at
 * most once (by the final ledgers); the same key with another request was never accepted.
 */
export function checkIdempotency({ history, ledgers }: CheckInput): Verdict {
  const { ops, meta } = history;
  const log = new ViolationLog();
  const counts = { keys: 0, replayedKeys: 0, replays: 0, reusedKeys: 0 };
  const keyed = new Set<string>();
  for (const op of ops) if (op.key !== null) keyed.add(op.key);
  counts.keys = keyed.size;
  const groups = groupByKey(ops);
  const moneyGroups = new Map<string, number[][]>();
  for (const [key, indices] of groups) {
    counts.replayedKeys += 1;
    counts.replays += indices.length - 1;
    const first = ops[indices[0] as number] as Operation;
    const signature = requestSignature(first);
    const same = indices.filter((index) => requestSignature(ops[index] as Operation) === signature);
    for (const index of indices) {
      const op = ops[index] as Operation;
      if (requestSignature(op) === signature || op.completion !== 'ok') continue;
      counts.reusedKeys += 1;
      log.add({
        voucher: op.voucher,
        message: `key ${key} was reused for another request and accepted`,
        ops: [indices[0] as number, index],
        severity: 1,
      });
    }
    const answered = same.filter((index) => isAnswer(ops[index] as Operation));
    const answer = answered.length > 0 ? answerOf(ops[answered[0] as number] as Operation) : null;
    const differing = answered.filter((index) => answerOf(ops[index] as Operation) !== answer);
    if (differing.length > 0)
      log.add({
        voucher: first.voucher,
        message: `key ${key} returned different answers to the same request`,
        ops: [answered[0] as number, ...differing],
        severity: 1 + differing.length,
      });
    const list = moneyGroups.get(first.voucher);
    if (list) list.push(same);
    else moneyGroups.set(first.voucher, [same]);
  }
  if (ledgers) {
    const holds = indexHolds(ops, meta);
    const parts = partitionByVoucher(ops);
    for (const [voucher, sameGroups] of moneyGroups) {
      const ledger = ledgers.get(voucher);
      if (!ledger) continue;
      const entries = runEntries(ledger, meta);
      const match = matchLedger(ops, parts.get(voucher) ?? [], entries, holds);
      const moves = new Map<number, number[]>();
      for (const [position, index] of match.owner) {
        if (entries[position]?.kind === 'remainder') continue; // moved with its capture, not a second move
        moves.set(index, [...(moves.get(index) ?? []), position]);
      }
      for (const same of sameGroups) {
        const moved = same.flatMap((index) => moves.get(index) ?? []);
        if (moved.length <= 1) continue;
        const amount = moved.reduce((sum, position) => sum + Math.abs(entries[position]?.amount ?? 0), 0);
        const first = ops[same[0] as number] as Operation;
        log.add({
          voucher,
          message: `key ${first.key} moved money ${moved.length} times (${amount} in all)`,
          ops: same,
          severity: amount,
        });
      }
    }
  }
  return log.verdict('idempotency', counts);
}
