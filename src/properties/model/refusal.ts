import type { ErrorCode } from '../../../spec/errors.ts';

/** What the model predicts for one request: success (null) or the refusal's catalog code. */
export type Refusal = ErrorCode | null;

/**
 * Every refusal that applies: a system may check its rules in another order than the reference and
 * refuse with any of them (a foreign-currency request for a used-up card is both).
 */
export function everyRefusal(...checks: Array<() => Refusal>): ErrorCode[] {
  return checks.map((check) => check()).filter((code): code is ErrorCode => code !== null);
}

/** The first refusal that applies, in the order the rules are checked. */
export function firstRefusal(...checks: Array<() => Refusal>): Refusal {
  for (const check of checks) {
    const code = check();
    if (code) return code;
  }
  return null;
}
