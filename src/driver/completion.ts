import type { Problem } from '../../spec/schemas/common.ts';

/**
 * The outcome of one invocation, three-valued as in Jepsen:
 * - `ok`: the system answered with success;
 * - `fail`: the system answered with a refusal (problem+json); nothing happened;
 * - `info`: the outcome is unknown (timeout, connection lost): it may or may not have happened.
 *   An `info` is never a failure of the system by itself.
 */
export type Completion<B = unknown> =
  | { completion: 'ok'; status: number; body: B; idempotencyKey?: string }
  | { completion: 'fail'; status: number; problem: Problem; idempotencyKey?: string }
  | { completion: 'info'; error: string; idempotencyKey?: string };

export type OkCompletion<B = unknown> = Extract<Completion<B>, { completion: 'ok' }>;
export type FailCompletion = Extract<Completion, { completion: 'fail' }>;

export function isOk<B>(c: Completion<B>): c is OkCompletion<B> {
  return c.completion === 'ok';
}

export function isFail(c: Completion): c is FailCompletion {
  return c.completion === 'fail';
}

/** A short human description, for step failures and logs. */
export function describeCompletion(c: Completion): string {
  if (c.completion === 'ok') return `ok ${c.status}`;
  if (c.completion === 'fail') {
    const detail = c.problem.detail ? `: ${c.problem.detail}` : '';
    return `refused ${c.status} ${c.problem.code}${detail}`;
  }
  return `outcome unknown (${c.error})`;
}
