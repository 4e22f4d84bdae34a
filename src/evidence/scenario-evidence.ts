import type { Envelope } from '../report/envelope.ts';
import { raceMediaType } from './race-attachment.ts';

/** One attachment a scenario made: exchanges, a reproducer, a note. */
export interface EvidenceAttachment {
  mediaType: string;
  body: string;
  fileName?: string;
}

/** What a scenario's last attempt left as evidence, by scenario key (feature:line). */
export interface ScenarioEvidence {
  key: string;
  /** The failing step's text, when a step failed. */
  failingStep?: string;
  attachments: EvidenceAttachment[];
  /** The races the scenario ran (raceAttachment bodies), for the certification page's charts. */
  races: string[];
}

/** Media types kept for people (text, the exchanges as JSON); markers for machines are left out. */
const forPeople = (mediaType: string) =>
  mediaType.startsWith('text/') || mediaType === 'application/vnd.vcert.exchanges+json';

/**
 * The evidence of every scenario in a message stream: the attachments of each scenario's last attempt
 * that a person reads (exchanges, reproducers, notes), and the step that failed. Reads envelopes in any
 * order they came in one run.
 */
export function scenarioEvidence(envelopes: Iterable<Envelope>): Map<string, ScenarioEvidence> {
  const pickles = new Map<string, { key: string; steps: Map<string, string> }>();
  const testCases = new Map<string, { pickleId: string; steps: Map<string, string> }>();
  const attempts = new Map<string, string>();
  const evidence = new Map<string, ScenarioEvidence>();
  for (const envelope of envelopes) {
    if (envelope.pickle) {
      const p = envelope.pickle;
      pickles.set(p.id, {
        key: `${p.uri}:${p.location?.line ?? 0}`,
        steps: new Map(p.steps.map((s) => [s.id, s.text])),
      });
    } else if (envelope.testCase) {
      const pickle = pickles.get(envelope.testCase.pickleId);
      const steps = new Map<string, string>();
      for (const step of envelope.testCase.testSteps)
        if (step.pickleStepId) steps.set(step.id, pickle?.steps.get(step.pickleStepId) ?? '');
      testCases.set(envelope.testCase.id, { pickleId: envelope.testCase.pickleId, steps });
    } else if (envelope.testCaseStarted) {
      const testCase = testCases.get(envelope.testCaseStarted.testCaseId);
      const key = testCase ? pickles.get(testCase.pickleId)?.key : undefined;
      if (!key) continue;
      attempts.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
      // A retried scenario keeps only its last attempt's evidence.
      evidence.set(key, { key, attachments: [], races: [] });
    } else if (envelope.attachment) {
      const a = envelope.attachment;
      const record = a.testCaseStartedId ? recordOf(a.testCaseStartedId) : undefined;
      if (record && a.mediaType === raceMediaType) record.races.push(a.body);
      else if (record && forPeople(a.mediaType))
        record.attachments.push({
          mediaType: a.mediaType,
          body: a.body,
          ...(a.fileName ? { fileName: a.fileName } : {}),
        });
    } else if (envelope.testStepFinished) {
      const f = envelope.testStepFinished;
      if (f.testStepResult.status !== 'FAILED') continue;
      const record = recordOf(f.testCaseStartedId);
      const testCaseId = attempts.get(f.testCaseStartedId);
      const text = testCaseId ? testCases.get(testCaseId)?.steps.get(f.testStepId) : undefined;
      if (record && !record.failingStep) record.failingStep = text || 'a hook';
    }
  }
  return evidence;

  function recordOf(testCaseStartedId: string): ScenarioEvidence | undefined {
    const testCaseId = attempts.get(testCaseStartedId);
    const pickleId = testCaseId ? testCases.get(testCaseId)?.pickleId : undefined;
    const key = pickleId ? pickles.get(pickleId)?.key : undefined;
    return key ? evidence.get(key) : undefined;
  }
}
