import { readFile } from 'node:fs/promises';
import type { StepTrace } from '../../steps/support/capability-needs.ts';
import { stepTraceMediaType } from '../../steps/support/capability-needs.ts';

/** A step that needs a capability its scenario does not tag. */
export interface CoverageGap {
  scenario: string;
  name: string;
  step: string;
  operations: string[];
  missing: string[];
}

interface Pickle {
  id: string;
  uri: string;
  name: string;
  location?: { line: number };
  tags: Array<{ name: string }>;
}

const capabilityPrefix = '@capability:';

/**
 * Reads a run's message stream (cucumber.ndjson of a run with the world parameter `trace`) and lists
 * every step whose operations or provider states need a capability that its scenario's tags do not
 * name: such a scenario would fail, not be "not claimed", on a target without that capability.
 */
export async function capabilityGaps(messagesFile: string): Promise<CoverageGap[]> {
  const pickles = new Map<string, Pickle>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const lines = [];
  for (const line of (await readFile(messagesFile, 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    const envelope = JSON.parse(line) as Record<string, Record<string, unknown>>;
    if (envelope.pickle) pickles.set(String(envelope.pickle.id), envelope.pickle as unknown as Pickle);
    else if (envelope.testCase)
      testCases.set(String(envelope.testCase.id), String(envelope.testCase.pickleId));
    else if (envelope.testCaseStarted)
      started.set(String(envelope.testCaseStarted.id), String(envelope.testCaseStarted.testCaseId));
    else if (envelope.attachment?.mediaType === stepTraceMediaType) lines.push(envelope.attachment);
  }
  const gaps: CoverageGap[] = [];
  for (const attachment of lines) {
    const pickle = pickles.get(testCases.get(started.get(String(attachment.testCaseStartedId)) ?? '') ?? '');
    if (!pickle) continue;
    const tagged = new Set(
      pickle.tags
        .filter((t) => t.name.startsWith(capabilityPrefix))
        .map((t) => t.name.slice(capabilityPrefix.length)),
    );
    const trace = JSON.parse(String(attachment.body)) as StepTrace;
    const missing = trace.needs.filter((need) => !tagged.has(need));
    if (missing.length === 0) continue;
    gaps.push({
      scenario: `${pickle.uri}`,
      name: pickle.name,
      step: trace.step,
      operations: trace.operations,
      missing,
    });
  }
  return gaps;
}
