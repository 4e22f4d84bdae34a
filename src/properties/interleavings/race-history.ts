import { checkPolicy } from '../../checkers/policy.ts';
import type { History, Operation } from '../../history/operation.ts';
import type { RaceEvent } from './pos-flow.ts';
import type { RacePlan } from './race-plan.ts';

/** A race's events as the lines of an operation history (docs/history-format.md), ticks as times. */
export function raceHistory(plan: RacePlan, voucherId: string, events: readonly RaceEvent[]): History {
  const ops: Operation[] = [...events]
    .sort((a, b) => a.sentAt - b.sentAt)
    .map((e) => ({
      client: `POS ${e.pos}`,
      op: e.operationId,
      voucher: voucherId,
      target: e.holdId ?? null,
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
  return {
    meta: {
      kind: 'meta',
      policy: plan.policy,
      funds: { [voucherId]: plan.funds },
      oneTime: plan.reusable ? [] : [voucherId],
    },
    ops,
  };
}

/**
 * The history checker `policy` (src/checkers), as `vcert race` runs it: a one-time voucher is used at
 * most once, exclusive policies never have two holds open at once, amount holds never hold more than
 * the funds. Its violations, as lines; an unknown verdict says nothing here (the race verdict decides).
 */
export function policyViolations(plan: RacePlan, voucherId: string, events: readonly RaceEvent[]): string[] {
  const verdict = checkPolicy({ history: raceHistory(plan, voucherId, events) });
  if (verdict.valid !== false) return [];
  const count = verdict.counts.violations ?? 1;
  return [
    `policy checker: ${verdict.first?.message ?? 'invalid'}${count > 1 ? ` (${count} violations)` : ''}`,
  ];
}
