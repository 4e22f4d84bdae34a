import { type ErrorCode, statusOf } from '../../../spec/errors.ts';
import type { Completion } from '../../driver/completion.ts';
import { describeCompletion } from '../../driver/completion.ts';
import type { Refusal } from '../model/refusal.ts';

/** The target's answer differs from the model's prediction; the message says how. */
export class ModelMismatch extends Error {
  override name = 'ModelMismatch';
}

/**
 * Checks an answer against the prediction: success, or a refusal with exactly the predicted code and
 * its catalog status. An unknown outcome (`info`) is never taken for either: it fails the run too.
 */
export function expectAnswer<B>(
  what: string,
  answer: Completion<B>,
  predicted: Refusal,
): asserts answer is
  | Extract<Completion<B>, { completion: 'ok' }>
  | Extract<Completion<B>, { completion: 'fail' }> {
  if (answer.completion === 'info') throw new ModelMismatch(`${what}: ${describeCompletion(answer)}`);
  if (predicted === null && answer.completion !== 'ok') {
    throw new ModelMismatch(`${what}: expected success, got ${describeCompletion(answer)}`);
  }
  if (predicted !== null && (answer.completion !== 'fail' || answer.problem.code !== predicted)) {
    throw new ModelMismatch(`${what}: expected refusal ${predicted}, got ${describeCompletion(answer)}`);
  }
  if (answer.completion === 'fail' && answer.status !== statusOf(answer.problem.code as ErrorCode)) {
    throw new ModelMismatch(`${what}: ${answer.problem.code} came with status ${answer.status}`);
  }
}

/** Fails the run with every difference found, when there is one. */
export function expectNoMismatch(what: string, mismatches: readonly string[]): void {
  if (mismatches.length > 0) throw new ModelMismatch(`${what}: ${mismatches.join('; ')}`);
}
