import type { Refusal } from '../model/refusal.ts';
import type { TargetSession } from '../target-session.ts';

/**
 * The Gherkin line for what the model predicts, in the suite's own vocabulary ("the hold is refused
 * with …"): the rendered scenario states correct behaviour, so it fails where the target diverged.
 * The prediction is noted on the last transcript step too, for the curl rendering.
 */
export function sayOutcome(r: TargetSession, subject: string, predicted: Refusal): void {
  r.say(
    predicted === null ? `Then ${subject} is accepted` : `Then ${subject} is refused with "${predicted}"`,
  );
  const step = r.transcript.steps.at(-1);
  if (step?.kind === 'call') step.expected = predicted ?? 'success';
}
