import type { Problem } from '../../spec/schemas/common.ts';
import type { Violation } from '../contract/response-validator.ts';

/** Where an answer departs from the contract: found by the driver, kept with the answer as evidence. */
export type ContractBreach = Violation;

/**
 * The outcome of one invocation, three-valued as in Jepsen:
 * - `ok`: the system answered with success;
 * - `fail`: the system answered with a refusal (or an error status); it says nothing happened;
 * - `info`: the outcome is unknown (timeout, connection lost): it may or may not have happened.
 *   An `info` is never a failure of the system by itself.
 *
 * An answer that breaks the contract (a status the operation does not declare, a 5xx, a wrong shape)
 * keeps its completion and carries `violations`: a finding is data, never an exception. Who reads the
 * answer decides what the breach means (a step fails, a race records it, a checker reports it).
 */
export type Completion<B = unknown> =
  | {
      completion: 'ok';
      status: number;
      body: B;
      idempotencyKey?: string;
      violations?: readonly ContractBreach[];
    }
  | {
      completion: 'fail';
      status: number;
      problem: Problem;
      idempotencyKey?: string;
      violations?: readonly ContractBreach[];
    }
  | { completion: 'info'; error: string; idempotencyKey?: string; violations?: readonly ContractBreach[] };

export type OkCompletion<B = unknown> = Extract<Completion<B>, { completion: 'ok' }>;
export type FailCompletion = Extract<Completion, { completion: 'fail' }>;

export function isOk<B>(c: Completion<B>): c is OkCompletion<B> {
  return c.completion === 'ok';
}

export function isFail(c: Completion): c is FailCompletion {
  return c.completion === 'fail';
}

/** Whether the answer departs from the contract. */
export function breaksContract(c: Completion): boolean {
  return (c.violations?.length ?? 0) > 0;
}

/** A short human description, for step failures and logs. */
export function describeCompletion(c: Completion): string {
  const breaches = breaksContract(c) ? ` (outside the contract: ${c.violations?.[0]?.message})` : '';
  if (c.completion === 'ok') return `ok ${c.status}${breaches}`;
  if (c.completion === 'fail') {
    const detail = c.problem.detail ? `: ${c.problem.detail}` : '';
    return `refused ${c.status} ${c.problem.code}${detail}${breaches}`;
  }
  return `outcome unknown (${c.error})${breaches}`;
}
