import type { CertificationSummary, ScenarioSummary } from './certification-summary.ts';
import type { Envelope } from './envelope.ts';

const notPassing = new Set(['FAILED', 'UNKNOWN', 'PENDING', 'UNDEFINED', 'AMBIGUOUS']);

/** The note a person reads in the HTML report where a waived or not-run scenario's failure was. */
function noteOf(scenario: ScenarioSummary): string | undefined {
  if (scenario.status === 'waived')
    return `Waived: ${scenario.waiver?.reason ?? 'no reason given'}. The failure is expected and excused by the waiver file; it does not fail the certification.`;
  if (scenario.status === 'not-run') return `Not run: ${scenario.message ?? 'the run stopped first'}.`;
  return undefined;
}

/**
 * The message stream with the certification's verdicts written in, for the reports people read: a waived
 * scenario's failing step is SKIPPED with the waiver's reason, a scenario cut off by the run's stop is
 * SKIPPED as not run; each with a text attachment that says so. The NDJSON file keeps what cucumber saw.
 */
export function withVerdicts(envelopes: readonly Envelope[], summary: CertificationSummary): Envelope[] {
  const byKey = new Map(summary.scenarios.map((s) => [s.key, s]));
  const pickleKeys = new Map<string, string>();
  const testCaseKeys = new Map<string, string>();
  const startedKeys = new Map<string, string>();
  const out: Envelope[] = [];
  for (const envelope of envelopes) {
    if (envelope.pickle)
      pickleKeys.set(envelope.pickle.id, `${envelope.pickle.uri}:${envelope.pickle.location?.line ?? 0}`);
    else if (envelope.testCase) {
      const key = pickleKeys.get(envelope.testCase.pickleId);
      if (key) testCaseKeys.set(envelope.testCase.id, key);
    } else if (envelope.testCaseStarted) {
      const key = testCaseKeys.get(envelope.testCaseStarted.testCaseId);
      if (key) startedKeys.set(envelope.testCaseStarted.id, key);
    } else if (envelope.testStepFinished) {
      const finished = envelope.testStepFinished;
      const key = startedKeys.get(finished.testCaseStartedId);
      const scenario = key ? byKey.get(key) : undefined;
      const note = scenario ? noteOf(scenario) : undefined;
      if (note && notPassing.has(String(finished.testStepResult.status))) {
        out.push({
          attachment: {
            testCaseStartedId: finished.testCaseStartedId,
            testStepId: finished.testStepId,
            body: note,
            mediaType: 'text/plain',
            contentEncoding: 'IDENTITY',
          },
        } as Envelope);
        const was = finished.testStepResult.message;
        out.push({
          testStepFinished: {
            ...finished,
            testStepResult: {
              ...finished.testStepResult,
              status: 'SKIPPED',
              message: was ? `${note}\n\nWhat the step reported:\n${was}` : note,
            },
          },
        } as Envelope);
        continue;
      }
    }
    out.push(envelope);
  }
  return out;
}
