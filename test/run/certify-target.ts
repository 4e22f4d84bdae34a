import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CertificationSummary } from '../../src/report/certification-summary.ts';
import { type RunOptions, type RunResult, runConformance } from '../../src/run/run-conformance.ts';
import type { RunTarget } from '../../src/run/run-target.ts';

/**
 * THE HOOK for the harness's self-validation: runs the real suite (features/ and steps/) against a
 * system that `start` brings up, typically a simulator with one deliberate defect, and returns the
 * sealed summary. `start` must return a RunTarget whose close() stops everything it started; the run
 * closes it even when it fails. Reports go to a fresh temporary directory.
 *
 *   const { summary } = await certify(() => startOverspendingSimulator(), { tags: '@req:RD-03' });
 *   assert.deepEqual(failingRequirements(summary), ['CC-01', 'RD-03']);
 */
export function certify(start: () => Promise<RunTarget>, options: RunOptions = {}): Promise<RunResult> {
  return runConformance({
    reports: mkdtempSync(join(tmpdir(), 'vcert-certify-')),
    ...options,
    target: undefined,
    startTarget: start,
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
