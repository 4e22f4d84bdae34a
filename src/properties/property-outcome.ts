import fc from 'fast-check';
import type { Transcript } from './transcript.ts';

/** The result of one property against one target, with everything needed to reproduce a failure. */
export interface PropertyOutcome {
  property: string;
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
  /** What the last failing run sent and what the model expected: for the Gherkin and curl renderings. */
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
  if (!details.failed) return { ...base, passed: true };
  const example = details.counterexample;
  const error =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    ...base,
    passed: false,
    path: details.counterexamplePath ?? undefined,
    counterexample: example ? example.map(show).join(' | ') : undefined,
    steps: example ? stepsOf(example) : undefined,
    error,
    transcript,
  };
}

/** As fast-check prints values: commands and schedulers through their own printers. */
function show(value: unknown): string {
  return fc.stringify(value);
}
