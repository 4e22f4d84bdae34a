import assert from 'node:assert/strict';
import { type ErrorCode, errorCatalog } from '../../spec/errors.ts';
import type { Problem } from '../../spec/schemas/common.ts';
import type { Completion } from '../../src/driver/completion.ts';
import { answerText } from '../../src/evidence/answer-text.ts';

/** The answer was a success; an unknown outcome (info) is not. */
export function expectAccepted<B>(answer: Completion<B> | undefined): B {
  if (!answer) throw new Error('nothing was asked yet');
  if (answer.completion !== 'ok')
    throw new Error(`expected it to be accepted, but the answer was ${answerText(answer)}`);
  return answer.body;
}

/** The answer was a refusal with this code and the catalog's status for it. */
export function expectRefused(answer: Completion | undefined, code: string): Problem {
  if (!answer) throw new Error('nothing was asked yet');
  if (answer.completion !== 'fail' || answer.problem.code !== code)
    throw new Error(`expected a refusal with ${code}, but the answer was ${answerText(answer)}`);
  const status = errorCatalog[code as ErrorCode]?.status;
  if (status !== undefined)
    assert.equal(answer.status, status, `${code} must come with HTTP status ${status}`);
  return answer.problem;
}

/**
 * A field the scenario needs from an answer, where the contract makes it optional: its absence fails the
 * step with what was missing (the scenario checks what its requirement asks the system to tell).
 */
export function given<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`the answer does not give ${what}`);
  return value;
}

/** The codes written in a step as "a, b or c". */
export function codeList(text: string): string[] {
  return text
    .split(/,|\bor\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}
