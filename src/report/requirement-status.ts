import { type ScenarioStatus, scenarioStatuses } from './scenario-status.ts';

/**
 * Most telling first: one failing scenario fails the requirement; one that did not run leaves it not
 * checked (never passed); one emulated pass makes its pass the adapter's; it is "not claimed" only if
 * all are.
 */
const precedence: readonly ScenarioStatus[] = [
  'failed',
  'undecided',
  'not-run',
  'waived',
  'emulated',
  'passed',
  'not-claimed',
];

export type StatusCounts = Record<ScenarioStatus, number>;

/**
 * A requirement's status: its scenarios' (see requirementStatus), or "not selected" (the suite has
 * scenarios for it, the run's selection left them out) or "no scenario" (the suite has none). Neither
 * of the last two is ever a pass.
 */
export type RequirementStatus = ScenarioStatus | 'not-selected' | 'no-scenario';
export const requirementStatuses: readonly RequirementStatus[] = [
  ...scenarioStatuses,
  'not-selected',
  'no-scenario',
];
export type RequirementCounts = Record<RequirementStatus, number>;

export function countRequirementStatuses(statuses: Iterable<RequirementStatus>): RequirementCounts {
  const counts = Object.fromEntries(requirementStatuses.map((s) => [s, 0])) as RequirementCounts;
  for (const s of statuses) counts[s] += 1;
  return counts;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(scenarioStatuses.map((s) => [s, 0])) as StatusCounts;
}

export function countStatuses(statuses: Iterable<ScenarioStatus>): StatusCounts {
  const counts = emptyCounts();
  for (const s of statuses) counts[s] += 1;
  return counts;
}

/** The status of a requirement from the statuses of the scenarios that check it. */
export function requirementStatus(counts: StatusCounts): ScenarioStatus {
  for (const status of precedence) if (counts[status] > 0) return status;
  return 'undecided';
}
