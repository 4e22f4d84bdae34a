import type { Verdict } from '../../src/checkers/verdict.ts';
import type { RaceResult } from '../../src/race/run-race.ts';

/** One line per checker, for assertion messages. */
export function verdictLine(result: RaceResult): string {
  return result.report.verdicts
    .map(
      (v: Verdict) =>
        `${v.checker}=${v.valid}${v.first ? ` (${v.first.message})` : ''}${v.reason ? ` (${v.reason})` : ''}`,
    )
    .join('; ');
}

export function verdictOf(result: RaceResult, checker: string): Verdict {
  const verdict = result.report.verdicts.find((v) => v.checker === checker);
  if (!verdict) throw new Error(`no verdict of ${checker}`);
  return verdict;
}
