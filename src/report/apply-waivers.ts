import type { Waiver } from './waiver-file.ts';

/** What a waiver needs to know about one scenario of the run. */
export interface WaivableScenario {
  key: string;
  name: string;
  requirements: readonly string[];
  status: 'passed' | 'emulated' | 'failed' | 'not-claimed' | 'undecided' | 'not-run';
}

/**
 * applied: it matched at least one failing scenario (those become "waived").
 * rotted: every scenario it matched passed; the failure it excuses no longer happens, so the run fails
 * until the waiver is removed (as in the OpenID Foundation's conformance suite).
 * unused: it matched no decided scenario of this run (other tags, other shard, capability not claimed).
 */
export type WaiverOutcome = 'applied' | 'rotted' | 'unused';

export interface WaiverResult {
  waiver: Waiver;
  outcome: WaiverOutcome;
  /** Keys of the decided scenarios it matched. */
  scenarios: string[];
}

export interface WaiverDecision {
  results: WaiverResult[];
  /** Failing scenario key → index (in results) of the first waiver that excuses it. */
  waived: Map<string, number>;
}

export function waiverMatches(waiver: Waiver, scenario: WaivableScenario): boolean {
  return 'requirement' in waiver
    ? scenario.requirements.includes(waiver.requirement)
    : scenario.name === waiver.scenario;
}

/** Applies waivers to a run's scenarios: a pure function, so the same run and file give the same answer. */
export function applyWaivers(
  waivers: readonly Waiver[],
  scenarios: readonly WaivableScenario[],
): WaiverDecision {
  const waived = new Map<string, number>();
  const results = waivers.map((waiver, index): WaiverResult => {
    const matched = scenarios.filter(
      (s) => (s.status === 'passed' || s.status === 'failed') && waiverMatches(waiver, s),
    );
    const failing = matched.filter((s) => s.status === 'failed');
    for (const s of failing) if (!waived.has(s.key)) waived.set(s.key, index);
    const outcome: WaiverOutcome =
      matched.length === 0 ? 'unused' : failing.length > 0 ? 'applied' : 'rotted';
    return { waiver, outcome, scenarios: matched.map((s) => s.key) };
  });
  return { results, waived };
}
