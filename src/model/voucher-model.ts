import type { Policy } from '../../spec/capabilities.ts';
import { ClockMoves } from '../history/clock-moves.ts';
import { partitionByVoucher } from '../history/voucher-partition.ts';
import type { Model, StepResult } from './model.ts';
import { emptyOutput, type VoucherInput, type VoucherOutput } from './model-io.ts';
import {
  admitSpend,
  certainlyUsed,
  debit,
  refusesForBalance,
  refusesInUse,
  refusesRedeemed,
} from './spend-rules.ts';
import {
  certainlyExpired,
  describeState,
  findHold,
  fingerprintOf,
  mayHaveExpired,
  sameState,
  type VoucherState,
  voucherState,
  withHold,
  withoutHold,
} from './voucher-state.ts';

type Step = StepResult<VoucherState>;
const same = (state: VoucherState, ok: boolean): Step => ({ ok, next: state });
const differs = (seen: number | null, expected: number): boolean => seen !== null && seen !== expected;

function spend(state: VoucherState, i: VoucherInput, o: VoucherOutput, holds: VoucherState['holds']): Step {
  const amount = o.amount ?? i.amount ?? 0;
  if (amount > state.balance || certainlyUsed(state)) return same(state, false);
  const next = debit(state, amount, holds);
  const remainder = state.balance - amount;
  const ok =
    !differs(o.balanceAfter, next.balance) &&
    !(state.policy === 'redeem-entire' && differs(o.remainder, remainder));
  return { ok, next };
}

function createHold(state: VoucherState, i: VoucherInput, o: VoucherOutput, clock: ClockMoves): Step {
  const amount = i.amount ?? o.amount ?? 0;
  if (o.completion === 'fail') {
    if (o.code === 'insufficient_balance')
      return same(state, refusesForBalance(state, amount, true, i.invokedAt));
    if (o.code === 'voucher_in_use') return same(state, refusesInUse(state, i.invokedAt));
    if (o.code === 'voucher_redeemed') return same(state, refusesRedeemed(state));
    return same(state, true);
  }
  const id = o.id ?? `?${i.index}`;
  if (findHold(state, id) || certainlyUsed(state)) return same(state, false);
  const holds = admitSpend(state, amount, i.completedAt, true);
  if (holds === null || differs(o.amount, amount)) return same(state, false);
  const earliestExpiry = clock.earliestExpiry(i.invokedAt, i.ttl);
  const certainExpiry = clock.certainExpiry(i.completedAt, i.ttl);
  const hold = {
    id,
    amount,
    earliestExpiry,
    ...(Number.isFinite(certainExpiry) ? { certainExpiry } : {}),
  };
  return { ok: true, next: withHold(state, hold, holds) };
}

/** Capture or release of a hold that is not open in this state. */
function closeAbsentHold(state: VoucherState, i: VoucherInput, o: VoucherOutput, capture: boolean): Step {
  if (o.completion === 'fail') return same(state, true);
  if (i.knownHold) return same(state, false);
  // A hold created before the history: nothing is known of it but what the answer says.
  return capture ? spend(state, i, o, state.holds) : same(state, true);
}

function closeHold(state: VoucherState, i: VoucherInput, o: VoucherOutput, capture: boolean): Step {
  const hold = findHold(state, i.target);
  if (hold === undefined) return closeAbsentHold(state, i, o, capture);
  const amount = i.amount ?? hold.amount;
  if (o.completion === 'fail') {
    const expired = mayHaveExpired(hold, i.completedAt);
    if (o.code === 'hold_expired' || o.code === 'hold_not_open')
      return expired ? { ok: true, next: withoutHold(state, hold.id) } : same(state, false);
    if (o.code === 'capture_exceeds_hold') return same(state, capture && amount > hold.amount);
    if (o.code === 'insufficient_balance') return same(state, capture && amount > state.balance);
    return same(state, true);
  }
  // A hold the test clock has certainly moved past (RD-04) can be neither captured nor released.
  if (certainlyExpired(hold, i.invokedAt)) return same(state, false);
  const rest = withoutHold(state, hold.id);
  if (!capture) return { ok: true, next: rest };
  if (amount > hold.amount || differs(o.amount, amount)) return same(state, false);
  return spend(state, { ...i, amount }, o, rest.holds);
}

function redeem(state: VoucherState, i: VoucherInput, o: VoucherOutput): Step {
  const amount = i.amount ?? 0;
  if (o.completion === 'fail') {
    if (o.code === 'insufficient_balance')
      return same(state, refusesForBalance(state, amount, false, i.invokedAt));
    if (o.code === 'voucher_in_use') return same(state, refusesInUse(state, i.invokedAt));
    if (o.code === 'voucher_redeemed') return same(state, refusesRedeemed(state));
    return same(state, true);
  }
  const holds = admitSpend(state, amount, i.completedAt, false);
  if (holds === null || differs(o.amount, amount)) return same(state, false);
  return spend(state, i, o, holds);
}

function credit(state: VoucherState, i: VoucherInput, o: VoucherOutput): Step {
  if (o.completion === 'fail') return same(state, true);
  const amount = o.amount !== null && i.op === 'refundRedemption' ? o.amount : (i.amount ?? 0);
  const use = state.use === 'used' && i.op === 'refundRedemption' ? 'either' : state.use;
  const next = voucherState(state.policy, state.balance + amount, state.holds, use);
  return { ok: !differs(o.balanceAfter, next.balance) && !differs(o.balance, next.balance), next };
}

function step(state: VoucherState, i: VoucherInput, o: VoucherOutput, clock: ClockMoves): Step {
  if (o.completion === 'info') {
    // An outcome seen by nobody: applied if it could have been.
    const applied = step(state, i, emptyOutput, clock);
    return applied.ok ? applied : same(state, true);
  }
  switch (i.op) {
    case 'advanceTestClock':
      // The tenant's clock: what it does to holds is in their expiry bounds (src/history/clock-moves.ts).
      return same(state, true);
    case 'runTestSweep':
      // The service's own expiry of holds already due: the model lets them expire whenever they may.
      return same(state, true);
    case 'getBalance':
    case 'getLedger':
      return same(state, o.completion === 'fail' || !differs(o.balance, state.balance));
    case 'createHold':
      return createHold(state, i, o, clock);
    case 'captureHold':
      return closeHold(state, i, o, true);
    case 'releaseHold':
      return closeHold(state, i, o, false);
    case 'redeem':
      return redeem(state, i, o);
    case 'topUp':
    case 'refundRedemption':
      return credit(state, i, o);
  }
}

function describeOperation(i: VoucherInput, o: VoucherOutput): string {
  const call = `${i.op}(${[i.target, i.amount].filter((part) => part !== null).join(', ')})`;
  if (o.completion === 'info') return `${call} -> ?`;
  if (o.completion === 'fail') return `${call} -> ${o.code}`;
  const shown = [o.id, o.amount, o.balance ?? o.balanceAfter].filter((part) => part !== null);
  return `${call} -> ok ${shown.join(' ')}`.trim();
}

/**
 * Reads and refusals never change the state (except a hold found expired, which closes it); under
 * balance-guard a hold is seen only by operations on that same hold (a refusal of an absent hold is legal).
 */
/** Reads, and test control's clock moves and sweeps: operations that change nothing the model keeps. */
const looksOnly = (op: VoucherInput['op']) =>
  op === 'getBalance' || op === 'getLedger' || op === 'advanceTestClock' || op === 'runTestSweep';

function eager(policy: Policy, i: VoucherInput, o: VoucherOutput): boolean {
  if (o.completion === 'info') return false;
  if (o.completion === 'fail') return o.code !== 'hold_expired' && o.code !== 'hold_not_open';
  if (looksOnly(i.op)) return true;
  return policy === 'balance-guard' && (i.op === 'createHold' || i.op === 'releaseHold');
}

/**
 * The search tries first what only looks, is refused or takes a hold, and then what moves money,
 * gives a hold back or has an unknown outcome. Placed as late as their own answers allow, the latter
 * leave the overlapping reads and refusals the state they saw more often: on a voucher raced by 32
 * clients under amount-holds this turns a search that ran out of time into a fraction of a second
 * (bench/checkers.bench.ts, busy-amount-holds).
 */
function order(i: VoucherInput, o: VoucherOutput): number {
  if (o.completion === 'info') return 1;
  if (o.completion === 'fail') return 0;
  return looksOnly(i.op) || i.op === 'createHold' ? 0 : 1;
}

/**
 * The voucher model under one concurrency policy; see docs/history-format.md for its semantics. The
 * vouchers in `oneTime` are one-time vouchers: used once, then redeemed. `clock`: the history's moves of
 * the test clock, which bring holds' expiry closer (and make it certain once they pass a time-to-live).
 */
export function voucherModel(
  policy: Policy,
  oneTime: ReadonlySet<string> = new Set(),
  clock: ClockMoves = ClockMoves.none,
): Model<VoucherState, VoucherInput, VoucherOutput> {
  return {
    init: (funds, voucher) =>
      voucherState(policy, funds, [], voucher !== undefined && oneTime.has(voucher) ? 'fresh' : 'none'),
    step: (state, i, o) => step(state, i, o, clock),
    equal: sameState,
    fingerprint: fingerprintOf,
    partition: partitionByVoucher,
    eager: (i, o) => eager(policy, i, o),
    order,
    describe: describeState,
    describeOperation,
  };
}
