import { requirements as standard } from '../../spec/requirements.ts';
import { applyWaivers, type WaiverOutcome } from './apply-waivers.ts';
import type { RunRecord, ScenarioRecord } from './message-collector.ts';
import {
  countRequirementStatuses,
  countStatuses,
  type RequirementCounts,
  type RequirementStatus,
  requirementStatus,
  type StatusCounts,
} from './requirement-status.ts';
import {
  baseStatus,
  capabilitiesOf,
  notRun,
  requirementsOf,
  type ScenarioStatus,
} from './scenario-status.ts';
import { type Integrity, sealSummary } from './seal-summary.ts';
import { decideVerdict, type Verdict } from './verdict.ts';
import type { Waiver, WaiverFile } from './waiver-file.ts';

export const summaryFormat = 'vcert-certification-summary/1';

/** Facts about the run that do not come from the message stream. */
export interface SummaryContext {
  suite: { name: string; version: string; featuresSha256: string };
  target: { url: string; implementation: 'reference' | 'external'; adapter: string | null };
  /** The vendor adapter module the run used and the SHA-256 (hex) of its source; null without one. */
  adapter?: AdapterIdentity | null;
  /**
   * Requirement ids that some scenario of the suite checks, selected or not (from every pickle cucumber
   * read): a requirement of the standard outside it has "no scenario"; one inside it that no selected
   * scenario checks is "not selected". Default: those of the scenarios given.
   */
  suiteRequirements?: readonly string[];
  /** `unknown`: claimed names that spec/capabilities.ts does not define (no scenario needs them). */
  capabilities: { claimed: string[]; source: string; unknown?: string[]; emulated?: string[] };
  selection: { tags: string | null; shard: string | null; parallel: number; failFast: boolean };
  waivers: { file: string | null; content: WaiverFile | null };
  /** Errors before or around cucumber (target unreachable, runner threw). */
  errors: string[];
  interrupted: boolean;
  /**
   * When and why the run was stopped before its end (Ctrl-C, its overall time limit): scenarios not
   * decided by then are "not run".
   */
  stop?: { at: number; reason: string; kind?: 'interrupt' | 'time-limit' } | null;
  /** The overall time limit as written (e.g. "20m") when it was reached: the verdict fails (exit 1). */
  timeLimitReached?: string | null;
}

export interface AdapterIdentity {
  path: string;
  sha256: string;
}

export interface ScenarioSummary {
  key: string;
  name: string;
  uri: string;
  line: number;
  requirements: string[];
  capabilities: string[];
  status: ScenarioStatus;
  cucumberStatus: string;
  startedAt: string | null;
  durationMs: number | null;
  message?: string;
  waiver?: { index: number; reason: string; outcome: WaiverOutcome };
}

/**
 * One requirement of the standard (or one a scenario names): its status from the scenarios that check it,
 * "not selected" when the suite has scenarios for it but the run's selection (tags, shard, name) left
 * them out, "no scenario" when the suite has none.
 */
export interface RequirementSummary {
  id: string;
  status: RequirementStatus;
  scenarios: StatusCounts;
}

export interface CertificationSummary {
  format: typeof summaryFormat;
  suite: SummaryContext['suite'];
  target: SummaryContext['target'];
  adapter: AdapterIdentity | null;
  capabilities: SummaryContext['capabilities'];
  selection: SummaryContext['selection'];
  run: {
    startedAt: string | null;
    finishedAt: string | null;
    durationMs: number | null;
    errors: string[];
    /** Why and when the run stopped before its end (an interrupt, the time limit); absent when it did not. */
    stopped?: { reason: string; at: string; kind?: 'interrupt' | 'time-limit' };
    /** The overall time limit as written (e.g. "20m") when it was reached. */
    timeLimitReached?: string;
  };
  totals: { scenarios: StatusCounts; requirements: RequirementCounts };
  requirements: RequirementSummary[];
  scenarios: ScenarioSummary[];
  waivers: {
    file: string | null;
    vendor: string | null;
    results: Array<Waiver & { outcome: WaiverOutcome; scenarios: string[] }>;
  };
  verdict: Verdict;
  integrity: Integrity;
}

const messageLimit = 2000;

/** Why a scenario is not run: the run's stop, and what the scenario was doing when it came. */
function notRunMessage(message: string | undefined, stop: string | undefined): string {
  const why = stop ? `not run: ${stop}` : 'not run: cucumber never started it';
  return message ? `${why}; it was cut off: ${message}` : why;
}
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/**
 * Each scenario of the run as the summary lists it, before waivers: key, place, requirements,
 * capabilities, status (claims, emulation and the run's stop applied), timing and message.
 */
export function scenarioSummaries(
  records: readonly ScenarioRecord[],
  context: SummaryContext,
): ScenarioSummary[] {
  const claimed = new Set(context.capabilities.claimed);
  const emulated = new Set(context.capabilities.emulated ?? []);
  return records.map((record): ScenarioSummary => {
    // Claims never read (the run stopped first): what did not run is not run, whatever it needs.
    const status =
      context.capabilities.source === 'none' && notRun(record, context.stop?.at)
        ? ('not-run' as const)
        : baseStatus(record, claimed, emulated, context.stop?.at);
    const summary: ScenarioSummary = {
      key: `${record.uri}:${record.line}`,
      name: record.name,
      uri: record.uri,
      line: record.line,
      requirements: requirementsOf(record.tags),
      capabilities: capabilitiesOf(record.tags),
      status,
      cucumberStatus: record.cucumberStatus,
      startedAt: iso(record.startedAt),
      durationMs:
        record.startedAt !== undefined && record.finishedAt !== undefined
          ? record.finishedAt - record.startedAt
          : null,
    };
    const message =
      status === 'not-run' ? notRunMessage(record.message, context.stop?.reason) : record.message;
    if (message) summary.message = message.slice(0, messageLimit);
    return summary;
  });
}

/** Every requirement of the standard and of the scenarios, the standard's order first. */
function requirementSummaries(
  scenarios: readonly ScenarioSummary[],
  suiteRequirements: ReadonlySet<string>,
): RequirementSummary[] {
  const byRequirement = new Map<string, ScenarioStatus[]>();
  for (const s of scenarios) {
    for (const id of s.requirements) byRequirement.set(id, [...(byRequirement.get(id) ?? []), s.status]);
  }
  const named = [...new Set([...suiteRequirements, ...byRequirement.keys()])].sort();
  const ids = [...new Set([...standard.map((r) => r.id), ...named])];
  return ids.map((id): RequirementSummary => {
    const statuses = byRequirement.get(id);
    const counts = countStatuses(statuses ?? []);
    if (statuses) return { id, status: requirementStatus(counts), scenarios: counts };
    return { id, status: suiteRequirements.has(id) ? 'not-selected' : 'no-scenario', scenarios: counts };
  });
}

/** Builds and seals the certification summary from what the message collector recorded. */
export function buildSummary(
  records: readonly ScenarioRecord[],
  run: RunRecord,
  context: SummaryContext,
): CertificationSummary {
  return summarize(scenarioSummaries(records, context), run, context);
}

/**
 * Builds and seals the certification summary from the run's scenarios (before waivers: what
 * scenarioSummaries gives, or the scenarios of several shards): waivers, requirements, totals, verdict.
 */
export function summarize(
  base: readonly ScenarioSummary[],
  run: RunRecord,
  context: SummaryContext,
): CertificationSummary {
  const waiverList = context.waivers.content?.waivers ?? [];
  const decision = applyWaivers(
    waiverList,
    base.map((b) => ({
      key: b.key,
      name: b.name,
      requirements: b.requirements,
      status: b.status === 'waived' ? 'failed' : b.status,
    })),
  );
  const scenarios = base.map(({ waiver: _old, ...scenario }): ScenarioSummary => {
    const waiverIndex =
      decision.waived.get(scenario.key) ??
      decision.results.findIndex((w) => w.scenarios.includes(scenario.key));
    const result = decision.results[waiverIndex];
    const summary: ScenarioSummary = {
      ...scenario,
      status: decision.waived.has(scenario.key) ? 'waived' : scenario.status,
    };
    if (result)
      summary.waiver = { index: waiverIndex, reason: result.waiver.reason, outcome: result.outcome };
    return summary;
  });
  const suiteRequirements = new Set(context.suiteRequirements ?? scenarios.flatMap((s) => s.requirements));
  const requirements = requirementSummaries(scenarios, suiteRequirements);
  const scenarioTotals = countStatuses(scenarios.map((s) => s.status));
  const errors = [...context.errors, ...run.errors];
  if (!run.finished && context.errors.length === 0 && !context.interrupted && !context.stop) {
    errors.push('the message stream never reported the end of the run');
  }
  const verdict = decideVerdict({
    scenarios: scenarioTotals,
    rottedWaivers: decision.results.filter((r) => r.outcome === 'rotted').length,
    runErrors: errors,
    interrupted: context.interrupted,
    timeLimitReached: context.timeLimitReached ?? null,
  });
  const stop = context.stop;
  return sealSummary({
    format: summaryFormat,
    suite: context.suite,
    target: context.target,
    adapter: context.adapter ?? null,
    capabilities: { ...context.capabilities, claimed: [...context.capabilities.claimed].sort() },
    selection: context.selection,
    run: {
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
      durationMs:
        run.startedAt !== undefined && run.finishedAt !== undefined ? run.finishedAt - run.startedAt : null,
      errors,
      ...(stop
        ? {
            stopped: {
              reason: stop.reason,
              at: new Date(stop.at).toISOString(),
              ...(stop.kind ? { kind: stop.kind } : {}),
            },
          }
        : {}),
      ...(context.timeLimitReached ? { timeLimitReached: context.timeLimitReached } : {}),
    },
    totals: {
      scenarios: scenarioTotals,
      requirements: countRequirementStatuses(requirements.map((r) => r.status)),
    },
    requirements,
    scenarios,
    waivers: {
      file: context.waivers.file,
      vendor: context.waivers.content?.vendor ?? null,
      results: decision.results.map((r) => ({ ...r.waiver, outcome: r.outcome, scenarios: r.scenarios })),
    },
    verdict,
  });
}
