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
