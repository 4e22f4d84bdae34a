import { type ErrorCode, statusOf } from '../../../spec/errors.ts';
import type { Completion } from '../../driver/completion.ts';
import { describeCompletion } from '../../driver/completion.ts';
import type { Refusal } from '../model/refusal.ts';

/** The target's answer differs from the model's prediction; the message says how. */
export class ModelMismatch extends Error {
  override name = 'ModelMismatch';
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Where an answer departs from the contract, each path with its value, and the answer as it came. */
export function breachText<B>(answer: Completion<B>): string {
  const lines = (answer.violations ?? []).map(
    (v) => `at ${v.path || '(answer)'}: ${v.message}; got ${show(v.value)}`,
  );
  const body =
    answer.completion === 'ok' ? answer.body : answer.completion === 'fail' ? answer.problem : undefined;
  const status = answer.completion === 'info' ? 'no status' : `status ${answer.status}`;
  return `answer outside the contract (${status}): ${lines.join('; ')}; the answer: ${show(body)}`;
}

/**
 * Checks an answer against the prediction: success, or a refusal with exactly the predicted code and
 * its catalog status. An unknown outcome (`info`) is never taken for either: it fails the run too, and
 * so does an answer outside the contract (the driver's `violations`), whatever its status.
 */
export function expectAnswer<B>(
  what: string,
  answer: Completion<B>,
  predicted: Refusal,
  alsoTrue: readonly Refusal[] = [],
): asserts answer is
  | Extract<Completion<B>, { completion: 'ok' }>
  | Extract<Completion<B>, { completion: 'fail' }> {
  if (answer.violations?.length) throw new ModelMismatch(`${what}: ${breachText(answer)}`);
  if (answer.completion === 'info') throw new ModelMismatch(`${what}: ${describeCompletion(answer)}`);
  const allowed = [predicted, ...alsoTrue];
  const got: Refusal = answer.completion === 'ok' ? null : (answer.problem.code as Refusal);
  if (!allowed.includes(got)) {
    const expected = predicted === null ? 'success' : `refusal ${predicted}`;
    throw new ModelMismatch(`${what}: expected ${expected}, got ${describeCompletion(answer)}`);
  }
  if (answer.completion === 'fail' && answer.status !== statusOf(answer.problem.code as ErrorCode)) {
    throw new ModelMismatch(`${what}: ${answer.problem.code} came with status ${answer.status}`);
  }
}

/**
 * An insufficient_balance refusal may say how much is available (optional in the contract): when it
 * does, it must be what the model says the payment could have taken. Absent, it is unknown, not wrong.
 */
export function expectAvailable<B>(what: string, answer: Completion<B>, available: number): void {
  if (answer.completion !== 'fail' || answer.problem.code !== 'insufficient_balance') return;
  const told = answer.problem.available;
  if (told !== undefined && told.amount !== available)
    throw new ModelMismatch(
      `${what}: insufficient_balance says ${told.amount} available, expected ${available}`,
    );
}

/** Fails the run with every difference found, when there is one. */
export function expectNoMismatch(what: string, mismatches: readonly string[]): void {
  if (mismatches.length > 0) throw new ModelMismatch(`${what}: ${mismatches.join('; ')}`);
}
