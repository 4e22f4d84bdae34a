import type { Policy } from '../../spec/capabilities.ts';
import { initialFunds } from '../history/final-ledger.ts';
import { indexHolds } from '../history/hold-index.ts';
import { partitionByVoucher } from '../history/voucher-partition.ts';
import { overHeld } from './amount-holds.ts';
import type { CheckInput } from './check-input.ts';
import { overlappingHolds } from './exclusive-holds.ts';
import { holdIntervals } from './hold-intervals.ts';
import { extraUses } from './one-time-uses.ts';
import { type Verdict, ViolationLog } from './verdict.ts';

export interface PolicyOptions {
  /** The policy the system claims; defaults to the history's meta line. */
  policy?: Policy;
}

/**
 * Policy: under exclusive-hold (and redeem-entire) no two acknowledged holds of a voucher were open at
 * once; under amount-holds the open holds never exceeded the balance; under every policy a one-time
 * voucher (the meta line's `oneTime`) was used once. Balance-guard has nothing else to check here.
 */
export function checkPolicy(input: CheckInput, options: PolicyOptions = {}): Verdict {
  const { ops, meta } = input.history;
  const policy = options.policy ?? meta?.policy;
  const log = new ViolationLog();
  const counts = { vouchers: 0, holds: 0, withoutFunds: 0, oneTimeVouchers: 0 };
  const oneTime = new Set(meta?.oneTime ?? []);
  if (!policy) {
    const verdict = log.verdict('policy', counts, 'unknown');
    verdict.reason = 'the policy is not known: give it in the meta line or as an option';
    return verdict;
  }
  const holds = indexHolds(ops, meta);
  let end = 0;
  for (const op of ops) end = Math.max(end, op.completedAt);
  for (const [voucher, indices] of partitionByVoucher(ops)) {
    counts.vouchers += 1;
    if (oneTime.has(voucher)) {
      counts.oneTimeVouchers += 1;
      for (const violation of extraUses(voucher, ops, indices, holds)) log.add(violation);
    }
    const intervals = holdIntervals(ops, indices, holds, end + 1);
    counts.holds += intervals.length;
    if (policy === 'exclusive-hold' || policy === 'redeem-entire')
      for (const violation of overlappingHolds(voucher, intervals)) log.add(violation);
    if (policy !== 'amount-holds' || intervals.length < 1) continue;
    const funds = initialFunds(voucher, meta, input.ledgers);
    if (funds === null) counts.withoutFunds += 1;
    else for (const violation of overHeld(voucher, funds, ops, indices, intervals, holds)) log.add(violation);
  }
  const verdict = log.verdict('policy', counts, counts.withoutFunds > 0 ? 'unknown' : true);
  if (verdict.valid === 'unknown') verdict.reason = 'amount-holds: the funds of some vouchers are not known';
  return verdict;
}
