import type { TranscriptStep } from './transcript.ts';

/** A run of steps to replay: one after the other, or sent together (they were in flight at once). */
export interface Flight {
  together: boolean;
  /** The steps with their 1-based number in the transcript. */
  steps: Array<{ n: number; step: TranscriptStep }>;
}

/**
 * The transcript as the reproducers replay it: consecutive requests of one in-flight group (a race) are
 * sent together, everything else in order.
 */
export function flights(steps: readonly TranscriptStep[]): Flight[] {
  const out: Flight[] = [];
  steps.forEach((step, i) => {
    const group = step.kind === 'call' ? step.together : undefined;
    const last = out.at(-1);
    const lastStep = last?.steps.at(-1)?.step;
    const sameGroup =
      group !== undefined && lastStep?.kind === 'call' && lastStep.together === group && last !== undefined;
    if (sameGroup) {
      last.steps.push({ n: i + 1, step });
      last.together = true;
    } else out.push({ together: false, steps: [{ n: i + 1, step }] });
  });
  return out;
}
