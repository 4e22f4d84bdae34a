import { notClaimedMediaType } from '../../steps/support/not-claimed.ts';
import { notRunMediaType } from '../run/stopped.ts';
import type { ScenarioRecord } from './message-collector.ts';

/**
 * The certification status of a scenario. `undecided` covers what cucumber could not decide (undefined,
 * ambiguous, pending, skipped for no claimed reason); `not-run` what never ran to a verdict: never
 * started, or begun and cut off when the run stopped (Ctrl-C, its time limit). Neither is ever a pass.
 */
export type ScenarioStatus =
  | 'passed'
  | 'emulated'
  | 'failed'
  | 'waived'
  | 'not-claimed'
  | 'undecided'
  | 'not-run';
export const scenarioStatuses: readonly ScenarioStatus[] = [
  'passed',
  'emulated',
  'failed',
  'waived',
  'not-claimed',
  'undecided',
  'not-run',
];

const requirementPrefix = '@req:';
const capabilityPrefix = '@capability:';

/** Requirement ids (LC-06, ...) a scenario checks, from its `@req:` tags; sorted, unique. */
export function requirementsOf(tags: readonly string[]): string[] {
  return unique(
    tags.filter((t) => t.startsWith(requirementPrefix)).map((t) => t.slice(requirementPrefix.length)),
  );
}

/** Capabilities a scenario needs, from its `@capability:` tags; sorted, unique. */
export function capabilitiesOf(tags: readonly string[]): string[] {
  return unique(
    tags.filter((t) => t.startsWith(capabilityPrefix)).map((t) => t.slice(capabilityPrefix.length)),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * Whether a scenario never ran to a verdict: cucumber never started it, the run's stop skipped it, or
 * the run stopped (at `stoppedAt`, epoch ms) before it was decided: what it met from then on (a step
 * failing with the stop, a target already stopped) says nothing about the target. A pass is a pass.
 */
export function notRun(record: ScenarioRecord, stoppedAt?: number): boolean {
  const status = record.cucumberStatus;
  if (status === 'NOT_RUN' || record.attachments.includes(notRunMediaType)) return true;
  if (stoppedAt === undefined || status === 'PASSED') return false;
  if (status === 'UNKNOWN') return true;
  const decidedAt = record.statusAt ?? record.startedAt;
  return decidedAt === undefined || decidedAt >= stoppedAt;
}

/**
 * The status of a scenario before waivers, from its tags, the claimed capabilities and cucumber's
 * verdict. A scenario needing an unclaimed capability is "not claimed" whether the steps skipped it or
 * (wrongly) ran it to a pass: an unclaimed capability is never certified. If it failed or was not
 * decided, that is reported as such, since something other than the capability gate went wrong. One the
 * run never took to a verdict (see notRun; `stoppedAt`: when the run was stopped) is "not run".
 */
export function baseStatus(
  record: ScenarioRecord,
  claimed: ReadonlySet<string>,
  emulated: ReadonlySet<string> = new Set(),
  stoppedAt?: number,
): Exclude<ScenarioStatus, 'waived'> {
  const needs = capabilitiesOf(record.tags);
  const unclaimed = needs.some((c) => !claimed.has(c));
  const status = record.cucumberStatus;
  if (unclaimed && (status === 'SKIPPED' || status === 'PASSED' || notRun(record, stoppedAt)))
    return 'not-claimed';
  // A provider state the target cannot be brought to (the steps said so): not claimed either.
  if (status === 'SKIPPED' && record.attachments.includes(notClaimedMediaType)) return 'not-claimed';
  if (notRun(record, stoppedAt)) return 'not-run';
  // A pass that rests on what the adapter emulates is the adapter's, not the vendor's.
  if (status === 'PASSED' && needs.some((c) => emulated.has(c))) return 'emulated';
  if (status === 'PASSED') return 'passed';
  if (status === 'FAILED') return 'failed';
  return 'undecided';
}
