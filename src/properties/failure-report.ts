import type { PropertyOutcome } from './property-outcome.ts';
import { renderCurl } from './render-curl.ts';
import { renderGherkin } from './render-gherkin.ts';

/** What a failed property prints: seed and replay path, the error, the shrunk case as Gherkin and as curl. */
export function failureReport(outcome: PropertyOutcome): string {
  if (outcome.passed) return `${outcome.property}: passed ${outcome.runs} runs (seed ${outcome.seed})`;
  const replay = `vcert properties --only ${outcome.property} --seed ${outcome.seed}${outcome.path ? ` --path ${outcome.path}` : ''}`;
  const parts = [
    `${outcome.property}: FAILED after ${outcome.runs} run(s) and ${outcome.shrinks} shrink(s)`,
    `  seed ${outcome.seed}, path ${outcome.path ?? '-'}`,
    `  replay: ${replay}`,
    `  error: ${outcome.error ?? '-'}`,
    `  counterexample (${outcome.steps ?? '?'} step(s)): ${outcome.counterexample ?? '-'}`,
  ];
  if (outcome.transcript) {
    parts.push('', '--- Gherkin ---', renderGherkin(outcome), '', '--- curl ---', renderCurl(outcome));
  }
  return parts.join('\n');
}
