import type { Completion } from '../../driver/completion.ts';
import type { TargetSession } from '../target-session.ts';

/** The Gherkin line for an answer, in the suite's own vocabulary ("the hold is refused with …"). */
export function sayOutcome(r: TargetSession, subject: string, answer: Completion<unknown>): void {
  if (answer.completion === 'ok') r.say(`Then ${subject} is accepted`);
  else if (answer.completion === 'fail') r.say(`Then ${subject} is refused with "${answer.problem.code}"`);
  else r.say(`# ${subject}: no answer (${answer.error})`);
}
