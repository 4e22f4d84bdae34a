import { ResponseValidator } from '../contract/response-validator.ts';
import type { Completion } from './completion.ts';

let shared: ResponseValidator | undefined;

/** The one validator of the process: compiling the contract's schemas once is what costs. */
export function contractValidator(): ResponseValidator {
  shared ??= new ResponseValidator();
  return shared;
}

/**
 * Checks an answer against the contract and attaches what departs from it (`violations`), leaving the
 * answer itself as it came: the caller still sees the status and body the system sent.
 */
export function withContractCheck<C extends Completion>(
  operationId: string,
  answer: C,
  contentType: string | undefined,
  body: unknown,
): C {
  if (answer.completion === 'info') return answer;
  const violations = contractValidator().check({ operationId, status: answer.status, contentType, body });
  return violations.length > 0 ? { ...answer, violations } : answer;
}
