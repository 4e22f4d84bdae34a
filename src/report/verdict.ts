import type { StatusCounts } from './requirement-status.ts';

/** Exit codes of `vcert run`: documented in docs/waivers.md and the CLI help. */
export const exitCodes = {
  /** Every claimed scenario passed (or failed under a live waiver), nothing undecided. */
  pass: 0,
  /** The target does not conform, or the run could not decide (undefined steps, rotted waivers, nothing ran). */
  fail: 1,
  /** The run could not take place: target unreachable, bad options, runner crashed, interrupted. */
  error: 2,
} as const;

export interface VerdictFacts {
  scenarios: StatusCounts;
  rottedWaivers: number;
  /** Run-level errors: unreachable target, failed BeforeAll, runner exception, missing end of run. */
  runErrors: readonly string[];
  interrupted: boolean;
  /** The run's overall time limit (e.g. "20m") when it was reached: what was left is not run. */
  timeLimitReached?: string | null;
}

export interface Verdict {
  passed: boolean;
  exitCode: number;
  reasons: string[];
}

/**
 * Decides the run's verdict. Green only when something was actually verified and every decided
 * scenario passed or failed under a live waiver: never green by accident.
 */
export function decideVerdict(facts: VerdictFacts): Verdict {
  const reasons: string[] = [];
  const { scenarios: s } = facts;
  if (facts.interrupted) reasons.push('the run was interrupted');
  if (facts.timeLimitReached) reasons.push(`the time limit of ${facts.timeLimitReached} was reached`);
  for (const error of facts.runErrors) reasons.push(error);
  if (s.failed > 0) reasons.push(`${s.failed} scenario(s) failed`);
  if (s.undecided > 0)
    reasons.push(`${s.undecided} scenario(s) undecided (undefined, ambiguous, pending or skipped)`);
  if (s['not-run'] > 0) reasons.push(`${s['not-run']} scenario(s) not run`);
  if (facts.rottedWaivers > 0)
    reasons.push(`${facts.rottedWaivers} waiver(s) rotted: the waived failure no longer happens`);
  if (s.passed + s.waived + s.failed + s.undecided === 0) reasons.push('no scenario was verified');
  if (reasons.length === 0) return { passed: true, exitCode: exitCodes.pass, reasons };
  const error = facts.interrupted || facts.runErrors.length > 0;
  return { passed: false, exitCode: error ? exitCodes.error : exitCodes.fail, reasons };
}
