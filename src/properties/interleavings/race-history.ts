import { checkLinearizability } from '../../checkers/linearizability.ts';
import { checkPolicy } from '../../checkers/policy.ts';
import type { Verdict } from '../../checkers/verdict.ts';
import type { History, Operation } from '../../history/operation.ts';
import type { RaceEvent } from './pos-flow.ts';
import { type RacePlan, raceHoldTtlSeconds } from './race-plan.ts';

/** The voucher's balance read once the race settled, as the last operation of its history. */
export interface SettledRead {
  op: 'getBalance' | 'getLedger';
  balance: number;
}

/**
 * A race's events as the lines of an operation history (docs/history-format.md), ticks as times; the
 * balance read after the race, when given, as a last read that follows every event.
 */
export function raceHistory(
  plan: RacePlan,
  voucherId: string,
  events: readonly RaceEvent[],
  settled?: SettledRead,
): History {
  const ops: Operation[] = [...events]
    .sort((a, b) => a.sentAt - b.sentAt)
    .map((e) => ({
      client: `POS ${e.pos}`,
      op: e.operationId,
      voucher: voucherId,
      target: e.holdId ?? e.redemptionId ?? null,
      args: e.args,
      key: e.idempotencyKey ?? null,
      invokedAt: e.sentAt,
      completedAt: e.answeredAt,
      completion: e.answer.completion,
      result:
        e.answer.completion === 'ok'
          ? e.answer.body
          : e.answer.completion === 'fail'
            ? { code: e.answer.problem.code, status: e.answer.status }
            : null,
      ...(e.answer.completion === 'info' ? {} : { status: e.answer.status }),
    }));
  if (settled) {
    const end = events.reduce((last, e) => Math.max(last, e.answeredAt), 0);
    ops.push({
      client: 'after the race',
      op: settled.op,
      voucher: voucherId,
      args: {},
      key: null,
      invokedAt: end + 1,
      completedAt: end + 2,
      completion: 'ok',
      result: { balance: { amount: settled.balance, currency: 'EUR' } },
    });
  }
  return {
    meta: {
      kind: 'meta',
      policy: plan.policy,
      funds: { [voucherId]: plan.funds },
      oneTime: plan.reusable ? [] : [voucherId],
      holdTtlSeconds: raceHoldTtlSeconds,
    },
    ops,
  };
}

function linesOf(verdict: Verdict, name: string): string[] {
  if (verdict.valid !== false) return [];
  const count = verdict.counts.violations ?? 1;
  return [`${name}: ${verdict.first?.message ?? 'invalid'}${count > 1 ? ` (${count} violations)` : ''}`];
}

/**
 * The history checkers of `vcert check` on the race: `policy` (a one-time voucher is used at most once,
 * exclusive policies never have two holds open at once, amount holds never hold more than the funds)
 * and, with the balance read after the race, `linearizability` (the voucher model, clock moves
 * included: no capture of a hold the clock certainly moved past). Their violations, as lines; an
 * unknown verdict says nothing here (the race verdict decides).
 */
export function historyViolations(
  plan: RacePlan,
  voucherId: string,
  events: readonly RaceEvent[],
  settled?: SettledRead,
): string[] {
  const history = raceHistory(plan, voucherId, events, settled);
  return [
    ...linesOf(checkPolicy({ history }), 'policy checker'),
    ...(settled
      ? linesOf(checkLinearizability({ history }, { maxSteps: 200_000 }), 'linearizability checker')
      : []),
  ];
}

/** The policy checker's violations alone (a race without its settled balance). */
export function policyViolations(plan: RacePlan, voucherId: string, events: readonly RaceEvent[]): string[] {
  return linesOf(checkPolicy({ history: raceHistory(plan, voucherId, events) }), 'policy checker');
}
