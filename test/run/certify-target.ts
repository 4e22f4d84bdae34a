import type { CertificationSummary } from '../../src/report/certification-summary.ts';
import { type RunOptions, type RunResult, runConformance } from '../../src/run/run-conformance.ts';
import type { RunTarget } from '../../src/run/run-target.ts';
import { scratchDir } from './scratch-dir.ts';

/**
 * THE HOOK for the harness's self-validation: runs the real suite (features/ and steps/) against a
 * system that `start` brings up, typically a simulator with one deliberate defect, and returns the
 * sealed summary. `start` must return a RunTarget whose close() stops everything it started; the run
 * closes it even when it fails. Reports go to a fresh temporary directory.
 *
 *   const { summary } = await certify(() => defectiveImplementation('overspend-under-race')!.start());
 *   assert.ok(failingRequirements(summary).includes('RD-03'));
 *
 * test/run/defective-suite.test.ts does this for every simulators/defective implementation.
 */
export function certify(
  start: () => Promise<Omit<RunTarget, 'implementation'>>,
  options: RunOptions = {},
): Promise<RunResult> {
  return runConformance({
    reports: scratchDir('vcert-certify'),
    ...options,
    target: undefined,
    startTarget: async () => ({ implementation: 'external', ...(await start()) }),
  });
}

/** Requirement ids whose status is `failed`, sorted. */
export function failingRequirements(summary: CertificationSummary): string[] {
  return summary.requirements.filter((r) => r.status === 'failed').map((r) => r.id);
}

/** Keys (feature:line) of the failing scenarios. */
export function failingScenarios(summary: CertificationSummary): string[] {
  return summary.scenarios.filter((s) => s.status === 'failed').map((s) => s.key);
}
