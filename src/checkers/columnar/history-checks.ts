import { INFO } from '../../history/column-layout.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import { isAnswer } from '../../history/op-fields.ts';
import type { Operation } from '../../history/operation.ts';
import { contractCounts, contractViolation, countFinding, faultlessRun } from '../contract.ts';
import { answerOf } from '../idempotency.ts';
import { requestSignature } from '../key-groups.ts';
import { type Verdict, type Violation, ViolationLog } from '../verdict.ts';
import type { HistoryTables } from './history-tables.ts';

/** What the checkers of the whole history need to know of the final ledgers, in their order. */
export interface LedgerFacts {
  /** How many were read (undefined: no ledgers were given). */
  count: number;
  /** The first contract breach of each ledger read that has one, in the ledgers' order. */
  breaches: Array<{ voucher: string; path: string; message: string }>;
  /** The vouchers whose ledger was read. */
  vouchers: ReadonlySet<string>;
}

/**
 * The contract checker (src/checkers/contract.ts) over the columns: slots read in their order (side by
 * side in memory), only answers with a breach read as objects, their findings logged in history order.
 */
export function contractOfColumns(history: HistoryColumns, ledgers: LedgerFacts | undefined): Verdict {
  const c = history.c;
  const log = new ViolationLog();
  const counts = contractCounts();
  const found: Array<[number, Violation]> = [];
  const faultless = faultlessRun(history.meta);
  for (let i = 0; i < history.size; i++) {
    const status = c.status[i] as number;
    const hasStatus = !Number.isNaN(status);
    const answered = hasStatus || c.completion[i] !== INFO;
    if (answered) counts.answers += 1;
    if ((c.violations[i] as number) === 0 && !(hasStatus && status >= 500) && (answered || !faultless))
      continue;
    const index = history.indexOf[i] as number;
    const op = history.op(i);
    const violation = contractViolation(op, index, faultless);
    if (!violation) continue;
    countFinding(counts, op, faultless);
    found.push([index, violation]);
  }
  found.sort((a, b) => a[0] - b[0]);
  for (const [, violation] of found) log.add(violation);
  counts.ledgerReads = ledgers?.count ?? 0;
  for (const breach of ledgers?.breaches ?? []) {
    counts.outsideContract += 1;
    log.add({
      voucher: breach.voucher,
      message: `the final read of the ledger answered outside the contract: ${breach.path || 'answer'}: ${breach.message}`,
      ops: [],
      severity: 1,
    });
  }
  return log.verdict('contract', counts);
}

/** What the idempotency checker finds of keys used more than once before the ledgers' money is known. */
export interface KeyFindings {
  log: ViolationLog;
  counts: { keys: number; replayedKeys: number; replays: number; reusedKeys: number };
  /** By voucher: each key's operations with its first one's request, and the key. */
  moneyGroups: Map<string, Array<{ key: string | null; same: number[] }>>;
}

/**
 * The idempotency checker (src/checkers/idempotency.ts) over the columns, all but the money the keys
 * moved: keys reused for another request, and different answers to the same one. Only the operations
 * of keys used more than once are read as objects. It needs no ledger, so it runs while other threads
 * check the vouchers.
 */
export function keyFindings(history: HistoryColumns, tables: HistoryTables): KeyFindings {
  const log = new ViolationLog();
  const counts = { keys: tables.keys, replayedKeys: 0, replays: 0, reusedKeys: 0 };
  const groups: number[][] = Array.from({ length: tables.groups }, () => []);
  for (let index = 0; index < history.size; index++) {
    const group = tables.keyGroup[history.slotOf[index] as number] as number;
    if (group >= 0) (groups[group] as number[]).push(index);
  }
  const moneyGroups: KeyFindings['moneyGroups'] = new Map();
  const ops = new Map<number, Operation>();
  const opOf = (index: number) => {
    let op = ops.get(index);
    if (!op) {
      op = history.op(history.slotOf[index] as number);
      ops.set(index, op);
    }
    return op;
  };
  for (const indices of groups) {
    counts.replayedKeys += 1;
    counts.replays += indices.length - 1;
    const first = opOf(indices[0] as number);
    const key = first.key;
    const signature = requestSignature(first);
    const same = indices.filter((index) => requestSignature(opOf(index)) === signature);
    for (const index of indices) {
      const op = opOf(index);
      if (requestSignature(op) === signature || op.completion !== 'ok') continue;
      counts.reusedKeys += 1;
      log.add({
        voucher: op.voucher,
        message: `key ${key} was reused for another request and accepted`,
        ops: [indices[0] as number, index],
        severity: 1,
      });
    }
    const answered = same.filter((index) => isAnswer(opOf(index)));
    const answer = answered.length > 0 ? answerOf(opOf(answered[0] as number)) : null;
    const differing = answered.filter((index) => answerOf(opOf(index)) !== answer);
    if (differing.length > 0)
      log.add({
        voucher: first.voucher,
        message: `key ${key} returned different answers to the same request`,
        ops: [answered[0] as number, ...differing],
        severity: 1 + differing.length,
      });
    const list = moneyGroups.get(first.voucher);
    if (list) list.push({ key, same });
    else moneyGroups.set(first.voucher, [{ key, same }]);
  }
  return { log, counts, moneyGroups };
}

/**
 * The idempotency checker's verdict: what keyFindings found, then the keys that moved money more than
 * once. `moved` gives, per history index, the ledger entries it owns and their money (from each
 * voucher's one ledger match), or nothing when no ledgers were given.
 */
export function idempotencyVerdict(
  found: KeyFindings,
  ledgers: LedgerFacts | undefined,
  moved: ReadonlyMap<number, [number, number]>,
): Verdict {
  const { log, counts, moneyGroups } = found;
  if (ledgers)
    for (const [voucher, sameGroups] of moneyGroups) {
      if (!ledgers.vouchers.has(voucher)) continue;
      for (const { key, same } of sameGroups) {
        let times = 0;
        let amount = 0;
        for (const index of same) {
          const [count, money] = moved.get(index) ?? [0, 0];
          times += count;
          amount += money;
        }
        if (times <= 1) continue;
        log.add({
          voucher,
          message: `key ${key} moved money ${times} times (${amount} in all)`,
          ops: same,
          severity: amount,
        });
      }
    }
  return log.verdict('idempotency', counts);
}
