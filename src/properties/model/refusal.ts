import type { ErrorCode } from '../../../spec/errors.ts';

/** What the model predicts for one request: success (null) or the refusal's catalog code. */
export type Refusal = ErrorCode | null;

/** The first refusal that applies, in the order the rules are checked. */
export function firstRefusal(...checks: Array<() => Refusal>): Refusal {
  for (const check of checks) {
    const code = check();
    if (code) return code;
  }
  return null;
}
