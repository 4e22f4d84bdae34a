import type { Checker, CheckInput } from './check-input.ts';
import { combineValidity, type Validity, type Verdict } from './verdict.ts';

/** The verdicts of several checkers over one history; valid: false beats unknown beats true. */
export interface Report {
  valid: Validity;
  verdicts: Verdict[];
}

/** Combines checkers into one that runs each on the same input. */
export function compose(...checkers: Checker[]): (input: CheckInput) => Report {
  return (input) => {
    const verdicts = checkers.map((checker) => checker(input));
    return { valid: combineValidity(verdicts.map((verdict) => verdict.valid)), verdicts };
  };
}
