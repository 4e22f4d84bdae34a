import type { PropertyOutcome } from './property-outcome.ts';

/**
 * The shrunk counterexample as a Gherkin scenario in the suite's own step vocabulary (steps/): a vendor
 * pastes it into a feature file and runs it with `vcert run`. Each Then states what the model predicts,
 * so the scenario fails at the step where the target diverged.
 */
export function renderGherkin(outcome: PropertyOutcome): string {
  const lines = outcome.transcript?.gherkin ?? [];
  const replay = outcome.path ? ` --path ${outcome.path}` : '';
  const header = [
    `# vcert properties --only ${outcome.property} --seed ${outcome.seed}${replay}`,
    // Every line of the error a comment: a race's error carries the order of sends and answers.
    ...(outcome.error ?? '').split('\n').map((line) => `# ${line.trim()}`.trimEnd()),
    `Scenario: ${outcome.property} counterexample (seed ${outcome.seed})`,
  ];
  let previous = '';
  const body = lines.map((line) => {
    const keyword = /^(Given|When|Then|And) /.exec(line)?.[1];
    if (!keyword) return `    ${line}`;
    // Repeated keywords read as "And", as a person would write them.
    const shown = keyword === previous || (keyword === 'And' && previous) ? 'And' : keyword;
    if (keyword !== 'And') previous = keyword;
    return `    ${shown}${line.slice(keyword.length)}`;
  });
  return [...header, ...body].join('\n');
}
