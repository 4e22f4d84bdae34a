import type { PropertyOutcome } from './property-outcome.ts';
import { propertyCurl } from './property-reproducers.ts';
import { renderGherkin } from './render-gherkin.ts';

/**
 * What a property's verdict prints: passed with its runs and seed; not claimed with why; failed with the
 * seed and replay path, the error, and the shrunk case as Gherkin and (for HTTP targets) curl. A failure
 * of the set-up says so: no case was generated, the error names the answer that stopped it.
 */
export function failureReport(outcome: PropertyOutcome): string {
  const note = outcome.reason ? ` (${outcome.reason})` : '';
  if (outcome.verdict === 'passed')
    return `${outcome.property}: passed ${outcome.runs} runs (seed ${outcome.seed})${note}`;
  if (outcome.verdict === 'not claimed') return `${outcome.property}: not claimed: ${outcome.reason ?? ''}`;
  const replay = `vcert properties --only ${outcome.property} --seed ${outcome.seed}${outcome.path ? ` --path ${outcome.path}` : ''}`;
  const parts =
    outcome.stage === 'set-up'
      ? [
          `${outcome.property}: FAILED in its set-up, before any generated case`,
          `  replay: vcert properties --only ${outcome.property}`,
          `  error: ${outcome.error ?? '-'}`,
        ]
      : [
          `${outcome.property}: FAILED after ${outcome.runs} run(s) and ${outcome.shrinks} shrink(s)`,
          `  seed ${outcome.seed}, path ${outcome.path ?? '-'}`,
          `  replay: ${replay}`,
          `  error: ${outcome.error ?? '-'}`,
          `  counterexample (${outcome.steps ?? '?'} step(s)): ${outcome.counterexample ?? '-'}`,
        ];
  const transcript = outcome.transcript;
  if (transcript && outcome.stage !== 'set-up') parts.push('', '--- Gherkin ---', renderGherkin(outcome));
  if (transcript && transcript.driver === 'http') parts.push('', '--- curl ---', propertyCurl(outcome));
  return parts.join('\n');
}
