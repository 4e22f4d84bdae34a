import { applyWaivers, type WaiverOutcome } from './apply-waivers.ts';
import type { RunRecord, ScenarioRecord } from './message-collector.ts';
import { countStatuses, emptyCounts, requirementStatus, type StatusCounts } from './requirement-status.ts';
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
  stop?: { at: number; reason: string } | null;
  /** The overall time limit as written (e.g. "20m") when it was reached: the verdict fails (exit 1). */
  timeLimitReached?: string | null;
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

export interface RequirementSummary {
  id: string;
  status: ScenarioStatus;
  scenarios: StatusCounts;
}

export interface CertificationSummary {
  format: typeof summaryFormat;
  suite: SummaryContext['suite'];
  target: SummaryContext['target'];
  capabilities: SummaryContext['capabilities'];
  selection: SummaryContext['selection'];
  run: {
    startedAt: string | null;
    finishedAt: string | null;
    durationMs: number | null;
    errors: string[];
    /** Why and when the run stopped before its end (an interrupt, the time limit); absent when it did not. */
    stopped?: { reason: string; at: string };
  };
  totals: { scenarios: StatusCounts; requirements: StatusCounts };
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

/** Builds and seals the certification summary from what the message collector recorded. */
export function buildSummary(
  records: readonly ScenarioRecord[],
  run: RunRecord,
  context: SummaryContext,
): CertificationSummary {
  const claimed = new Set(context.capabilities.claimed);
  const emulated = new Set(context.capabilities.emulated ?? []);
  const base = records.map((r) => ({
    record: r,
    key: `${r.uri}:${r.line}`,
    requirements: requirementsOf(r.tags),
    // Claims never read (the run stopped first): what did not run is not run, whatever it needs.
    status:
      context.capabilities.source === 'none' && notRun(r, context.stop?.at)
        ? ('not-run' as const)
        : baseStatus(r, claimed, emulated, context.stop?.at),
  }));
  const waiverList = context.waivers.content?.waivers ?? [];
  const decision = applyWaivers(
    waiverList,
    base.map((b) => ({ key: b.key, name: b.record.name, requirements: b.requirements, status: b.status })),
  );
  const scenarios = base.map(({ record, key, requirements, status }): ScenarioSummary => {
    const waiverIndex =
      decision.waived.get(key) ?? decision.results.findIndex((w) => w.scenarios.includes(key));
    const result = decision.results[waiverIndex];
    const summary: ScenarioSummary = {
      key,
      name: record.name,
      uri: record.uri,
      line: record.line,
      requirements,
      capabilities: capabilitiesOf(record.tags),
      status: decision.waived.has(key) ? 'waived' : status,
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
    if (result)
      summary.waiver = { index: waiverIndex, reason: result.waiver.reason, outcome: result.outcome };
    return summary;
  });
  const byRequirement = new Map<string, ScenarioStatus[]>();
  for (const s of scenarios) {
    for (const id of s.requirements) byRequirement.set(id, [...(byRequirement.get(id) ?? []), s.status]);
  }
  const requirements = [...byRequirement.keys()].sort().map((id): RequirementSummary => {
    const counts = countStatuses(byRequirement.get(id) ?? []);
    return { id, status: requirementStatus(counts), scenarios: counts };
  });
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
  return sealSummary({
    format: summaryFormat,
    suite: context.suite,
    target: context.target,
    capabilities: { ...context.capabilities, claimed: [...context.capabilities.claimed].sort() },
    selection: context.selection,
    run: {
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
      durationMs:
        run.startedAt !== undefined && run.finishedAt !== undefined ? run.finishedAt - run.startedAt : null,
      errors,
      ...(context.stop
        ? { stopped: { reason: context.stop.reason, at: new Date(context.stop.at).toISOString() } }
        : {}),
    },
    totals: {
      scenarios: scenarioTotals,
      requirements: requirements.length ? countStatuses(requirements.map((r) => r.status)) : emptyCounts(),
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
