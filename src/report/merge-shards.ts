import { readFile } from 'node:fs/promises';
import { canonicalJson } from '../checkers/canonical-json.ts';
import { CannotRun, fileReason } from '../sign/cannot-run.ts';
import {
  type CertificationSummary,
  type ScenarioSummary,
  type SummaryContext,
  summarize,
  summaryFormat,
} from './certification-summary.ts';
import type { Envelope } from './envelope.ts';
import type { RunRecord } from './message-collector.ts';
import { reportFiles } from './report-files.ts';
import type { ScenarioStatus } from './scenario-status.ts';
import { verifySeal } from './seal-summary.ts';
import type { WaiverFile } from './waiver-file.ts';

/** One shard's reports directory as `vcert run` left it. */
export interface Shard {
  dir: string;
  summary: CertificationSummary;
  envelopes: Envelope[];
}

/** Reads a shard's certification.json (its seal must hold) and its message stream. */
export async function readShard(dir: string): Promise<Shard> {
  const files = reportFiles(dir);
  const text = await readFile(files.summary, 'utf8').catch((error: unknown) => {
    throw new CannotRun(`${files.summary}: ${fileReason(error)} (did this shard's run end?)`);
  });
  let summary: CertificationSummary;
  try {
    summary = JSON.parse(text) as CertificationSummary;
  } catch {
    throw new CannotRun(`${files.summary}: not JSON`);
  }
  if (summary.format !== summaryFormat)
    throw new CannotRun(`${files.summary}: not a ${summaryFormat} document`);
  if (!verifySeal(summary))
    throw new CannotRun(`${files.summary}: its integrity value does not match its content (modified?)`);
  const messages = await readFile(files.messages, 'utf8').catch((error: unknown) => {
    throw new CannotRun(`${files.messages}: ${fileReason(error)}`);
  });
  const envelopes: Envelope[] = [];
  messages.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      envelopes.push(JSON.parse(line) as Envelope);
    } catch {
      throw new CannotRun(`${files.messages} line ${index + 1}: not JSON`);
    }
  });
  return { dir, summary, envelopes };
}

/** The first way in which two shards are not parts of one certification, or undefined. */
function mismatch(a: CertificationSummary, b: CertificationSummary): string | undefined {
  if (a.suite.featuresSha256 !== b.suite.featuresSha256)
    return `different suites (features sha256 ${a.suite.featuresSha256.slice(0, 12)} and ${b.suite.featuresSha256.slice(0, 12)})`;
  if (a.target.implementation !== b.target.implementation)
    return `different targets (${a.target.implementation} and ${b.target.implementation})`;
  // Each run of the reference implementation starts its own on a port of its own.
  if (a.target.implementation === 'external' && a.target.url !== b.target.url)
    return `different targets (${a.target.url} and ${b.target.url})`;
  if ((a.adapter?.sha256 ?? null) !== (b.adapter?.sha256 ?? null))
    return `different adapters (${a.adapter?.sha256.slice(0, 12) ?? 'none'} and ${b.adapter?.sha256.slice(0, 12) ?? 'none'})`;
  if (canonicalJson(a.capabilities.claimed) !== canonicalJson(b.capabilities.claimed))
    return 'different capability claims';
  if (canonicalJson(waiverFileOf(a)) !== canonicalJson(waiverFileOf(b))) return 'different waivers';
  return undefined;
}

/** The waiver file a shard applied, as its summary records it. */
function waiverFileOf(summary: CertificationSummary): WaiverFile | null {
  if (summary.waivers.vendor === null) return null;
  return {
    vendor: summary.waivers.vendor,
    waivers: summary.waivers.results.map(({ outcome: _o, scenarios: _s, ...waiver }) => waiver),
  };
}

/** "I/N" shards must be all of 1..N, each once. */
function checkShardSet(shards: readonly Shard[]): void {
  const numbered: Array<[number, number]> = [];
  for (const s of shards) {
    const m = /^(\d+)\/(\d+)$/.exec(s.summary.selection.shard ?? '');
    if (!m) return;
    numbered.push([Number(m[1]), Number(m[2])]);
  }
  const totals = new Set(numbered.map(([, n]) => n));
  if (totals.size > 1)
    throw new CannotRun(
      `the shards split the suite differently (${[...totals].map((t) => `of ${t}`).join(', ')})`,
    );
  const total = Number([...totals][0]);
  const seen = new Map<number, string>();
  shards.forEach((shard, i) => {
    const [index] = numbered[i] ?? [0];
    const other = seen.get(index);
    if (other) throw new CannotRun(`shard ${index}/${total} twice: ${other} and ${shard.dir}`);
    seen.set(index, shard.dir);
  });
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new CannotRun(
      `shard ${missing.map((i) => `${i}/${total}`).join(', ')} missing: a partial merge would look complete`,
    );
}

const severity: readonly ScenarioStatus[] = [
  'passed',
  'emulated',
  'not-claimed',
  'not-run',
  'undecided',
  'failed',
];
const worse = (a: ScenarioSummary, b: ScenarioSummary) =>
  severity.indexOf(b.status) > severity.indexOf(a.status) ? b : a;

/** Each scenario once, as before waivers: a waived failure is a failure again (the merge re-applies). */
function baseScenarios(shards: readonly Shard[]): ScenarioSummary[] {
  const byKey = new Map<string, ScenarioSummary>();
  for (const shard of shards) {
    for (const { waiver: _w, ...scenario } of shard.summary.scenarios) {
      const base: ScenarioSummary = {
        ...scenario,
        status: scenario.status === 'waived' ? 'failed' : scenario.status,
      };
      const seen = byKey.get(base.key);
      byKey.set(base.key, seen ? worse(seen, base) : base);
    }
  }
  return [...byKey.values()];
}

const millis = (iso: string | null) => (iso === null ? undefined : Date.parse(iso));

/**
 * One certification from the summaries of the shards of one run: refuses shards of different suites,
 * targets, adapters, claims or waivers, and an incomplete or doubled set of I/N shards; counts each
 * scenario once; re-applies the waivers and decides the verdict over the whole.
 */
export function mergeSummaries(shards: readonly Shard[]): CertificationSummary {
  const [first] = shards;
  if (!first) throw new CannotRun('no shard to merge');
  for (const shard of shards.slice(1)) {
    const why = mismatch(first.summary, shard.summary);
    if (why) throw new CannotRun(`${first.dir} and ${shard.dir} are not shards of one run: ${why}`);
  }
  checkShardSet(shards);
  const summaries = shards.map((s) => s.summary);
  const starts = summaries.map((s) => millis(s.run.startedAt)).filter((t) => t !== undefined);
  const ends = summaries.map((s) => millis(s.run.finishedAt)).filter((t) => t !== undefined);
  const run: RunRecord = {
    ...(starts.length ? { startedAt: Math.min(...starts) } : {}),
    ...(ends.length ? { finishedAt: Math.max(...ends) } : {}),
    finished: true,
    errors: [],
  };
  const label = (s: CertificationSummary, i: number) => `shard ${s.selection.shard ?? i + 1}`;
  const stops = summaries.filter((s) => s.run.stopped);
  const stopped = stops[0]?.run.stopped;
  const s = first.summary;
  const context: SummaryContext = {
    suite: s.suite,
    target: s.target,
    adapter: s.adapter ?? null,
    suiteRequirements: [
      ...new Set(
        summaries.flatMap((x) => x.requirements.filter((r) => r.status !== 'no-scenario').map((r) => r.id)),
      ),
    ],
    capabilities: s.capabilities,
    selection: {
      tags: s.selection.tags,
      shard: summaries.map((x, i) => x.selection.shard ?? `run ${i + 1}`).join(' + '),
      parallel: Math.max(...summaries.map((x) => x.selection.parallel)),
      failFast: summaries.some((x) => x.selection.failFast),
    },
    waivers: { file: s.waivers.file, content: waiverFileOf(s) },
    errors: summaries.flatMap((x, i) => x.run.errors.map((e) => `${label(x, i)}: ${e}`)),
    interrupted: stops.some((x) => x.run.stopped?.kind === 'interrupt'),
    stop: stopped ? { at: Date.parse(stopped.at), reason: stopped.reason, kind: stopped.kind } : null,
    timeLimitReached: summaries.find((x) => x.run.timeLimitReached)?.run.timeLimitReached ?? null,
  };
  return summarize(baseScenarios(shards), run, context);
}
