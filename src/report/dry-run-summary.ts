import type { CertificationSummary, ScenarioSummary } from './certification-summary.ts';

/** A scenario of a dry run with a step that has no definition, or more than one. */
export const unmatched = (s: ScenarioSummary): boolean =>
  s.cucumberStatus === 'UNDEFINED' || s.cucumberStatus === 'AMBIGUOUS';

/**
 * What a dry run says: how many scenarios the selection holds, which of their steps have no definition
 * or more than one, and that nothing was certified.
 */
export function formatDryRun(summary: CertificationSummary): string {
  const scenarios = summary.scenarios;
  const unmatchedOnes = scenarios.filter(unmatched);
  const requirements = new Set(scenarios.flatMap((s) => s.requirements));
  const lines = [
    `dry run: ${scenarios.length} scenario(s) selected, checking ${requirements.size} requirement(s); nothing was run or certified`,
  ];
  for (const s of unmatchedOnes.slice(0, 50)) {
    lines.push(`  ${s.key}  ${s.name}`, `      ${(s.message ?? s.cucumberStatus).split('\n')[0]}`);
  }
  if (unmatchedOnes.length > 50) lines.push(`  … and ${unmatchedOnes.length - 50} more`);
  for (const error of summary.run.errors) lines.push(`error: ${error}`);
  lines.push(
    unmatchedOnes.length === 0 && summary.run.errors.length === 0
      ? 'every step has exactly one definition'
      : `${unmatchedOnes.length} scenario(s) with a step that has no definition or more than one`,
  );
  return `${lines.join('\n')}\n`;
}
