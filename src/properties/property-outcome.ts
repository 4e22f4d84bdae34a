import fc from 'fast-check';
import type { Transcript } from '../reproducers/transcript.ts';

/**
 * A property's verdict: it held, it failed (a counterexample, or its set-up met a defect), or it was not
 * claimed (the target does not claim, or cannot arrange, what it needs): never passed, never failed.
 */
export type PropertyVerdict = 'passed' | 'failed' | 'not claimed';

/** The result of one property against one target, with everything needed to reproduce a failure. */
export interface PropertyOutcome {
  property: string;
  verdict: PropertyVerdict;
  /** verdict === 'passed'. */
  passed: boolean;
  runs: number;
  seed: number;
  /** fast-check's shrink path of the counterexample: with the seed, replays exactly it. */
  path?: string;
  shrinks: number;
  /** The shrunk counterexample as fast-check prints it (commands, or the generated request). */
  counterexample?: string;
  /** How many steps the shrunk counterexample has (commands of a model run, requests of a race). */
  steps?: number;
  error?: string;
  /** Why the property was not claimed; or, for one that ran, what it left out because the target does not claim it. */
  reason?: string;
  /** The property failed before its first generated case: its fixture met the defect. */
  stage?: 'set-up';
  /** What the last failing run sent and what the model expected: for the Gherkin, curl and replay renderings. */
  transcript?: Transcript;
}

/** Folds fast-check's run details and the last failing run's transcript into an outcome. */
export function outcomeOf<T extends unknown[]>(
  property: string,
  details: fc.RunDetails<T>,
  transcript: Transcript | undefined,
  stepsOf: (counterexample: T) => number = () => 1,
): PropertyOutcome {
  const base = { property, runs: details.numRuns, seed: details.seed, shrinks: details.numShrinks };
  if (!details.failed) return { ...base, verdict: 'passed', passed: true };
  const example = details.counterexample;
  const error =
    details.errorInstance instanceof Error
      ? details.errorInstance.message
      : details.errorInstance === null || details.errorInstance === undefined
        ? `fast-check stopped: ${details.numSkips} case(s) skipped, ${details.numRuns} run`
        : String(details.errorInstance);
  return {
    ...base,
    verdict: 'failed',
    passed: false,
    path: details.counterexamplePath ?? undefined,
    counterexample: example ? example.map(show).join(' | ') : undefined,
    steps: example ? stepsOf(example) : undefined,
    error,
    transcript,
  };
}

/** A property that could not run on this target: what it needs is not claimed (or cannot be arranged). */
export function notClaimedOutcome(property: string, reason: string, seed = 0): PropertyOutcome {
  return { property, verdict: 'not claimed', passed: false, runs: 0, seed, shrinks: 0, reason };
}

/** A property whose set-up met a defect before any generated case: failed, with the error and its answer. */
export function setupFailedOutcome(
  property: string,
  error: unknown,
  seed = 0,
  transcript?: Transcript,
): PropertyOutcome {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    property,
    verdict: 'failed',
    passed: false,
    runs: 0,
    seed,
    shrinks: 0,
    stage: 'set-up',
    error: message,
    ...(transcript ? { transcript } : {}),
  };
}

/** As fast-check prints values: commands and schedulers through their own printers. */
function show(value: unknown): string {
  return fc.stringify(value);
}
