import { type Envelope, millisOf } from './envelope.ts';
import { requirementsOf } from './scenario-status.ts';

/** Cucumber's step statuses, most severe last, plus NOT_RUN for a test case that never started. */
export const cucumberStatuses = [
  'NOT_RUN',
  'UNKNOWN',
  'PASSED',
  'SKIPPED',
  'PENDING',
  'UNDEFINED',
  'AMBIGUOUS',
  'FAILED',
] as const;
export type CucumberStatus = (typeof cucumberStatuses)[number];

/** One scenario (pickle) as the message stream tells it: where it is, its tags, its final attempt. */
export interface ScenarioRecord {
  pickleId: string;
  name: string;
  uri: string;
  line: number;
  tags: string[];
  /** The most severe step status of the last attempt. */
  cucumberStatus: CucumberStatus;
  /** The first failure, undefined-step or ambiguity message of the last attempt. */
  message?: string;
  /** When the step that gave the attempt its status finished (epoch ms): a stopped run's cut-off line. */
  statusAt?: number;
  /** Media types of what the scenario attached (e.g. the steps' not-claimed marker). */
  attachments: string[];
  startedAt?: number;
  finishedAt?: number;
  attempts: number;
}

/** What went wrong with the run as a whole (a BeforeAll hook, an exception of the runner). */
export interface RunRecord {
  startedAt?: number;
  finishedAt?: number;
  /** Absent when the stream never said the run finished. */
  finished: boolean;
  errors: string[];
}

interface Attempt {
  testCaseId: string;
  startedAt: number;
  finishedAt?: number;
  status: CucumberStatus;
  statusAt?: number;
  message?: string;
  attachments: string[];
}

function severity(status: CucumberStatus): number {
  return cucumberStatuses.indexOf(status);
}

function statusOf(raw: unknown): CucumberStatus {
  const text = String(raw);
  return (cucumberStatuses as readonly string[]).includes(text) ? (text as CucumberStatus) : 'UNKNOWN';
}

/**
 * A subscriber to cucumber's message stream that keeps only what a certification needs. Feed it every
 * envelope (`runCucumber(options, env, (e) => collector.update(e))` or a recorded NDJSON file), then read
 * `scenarios()` and `run()`. It never looks at feature files: pickles carry names, locations and tags.
 */
export class MessageCollector {
  readonly #pickles = new Map<string, { name: string; uri: string; line: number; tags: string[] }>();
  readonly #testCases = new Map<string, string>();
  /** Step texts, by test step id, for messages about undefined, ambiguous or pending steps. */
  readonly #stepTexts = new Map<string, string>();
  readonly #attempts = new Map<string, Attempt>();
  /** The latest attempt of each test case, by test case id. */
  readonly #latest = new Map<string, { startedId: string; count: number }>();
  readonly #run: RunRecord = { finished: false, errors: [] };

  update(envelope: Envelope): void {
    if (envelope.pickle) {
      const p = envelope.pickle;
      const texts = new Map(p.steps.map((step) => [step.id, step.text]));
      for (const [id, text] of texts) this.#stepTexts.set(id, text);
      this.#pickles.set(p.id, {
        name: p.name,
        uri: p.uri,
        line: p.location?.line ?? 0,
        tags: p.tags.map((t) => t.name),
      });
    } else if (envelope.testCase) {
      this.#testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
      for (const step of envelope.testCase.testSteps) {
        const text = step.pickleStepId ? this.#stepTexts.get(step.pickleStepId) : undefined;
        this.#stepTexts.set(step.id, text ?? 'a hook');
      }
    } else if (envelope.testCaseStarted) {
      const s = envelope.testCaseStarted;
      this.#attempts.set(s.id, {
        testCaseId: s.testCaseId,
        startedAt: millisOf(s.timestamp),
        status: 'UNKNOWN',
        attachments: [],
      });
      const count = (this.#latest.get(s.testCaseId)?.count ?? 0) + 1;
      this.#latest.set(s.testCaseId, { startedId: s.id, count });
    } else if (envelope.testStepFinished) {
      const f = envelope.testStepFinished;
      const attempt = this.#attempts.get(f.testCaseStartedId);
      if (!attempt) return;
      const status = statusOf(f.testStepResult.status);
      if (severity(status) > severity(attempt.status)) {
        attempt.status = status;
        attempt.statusAt = millisOf(f.timestamp);
        if (status !== 'PASSED' && status !== 'SKIPPED') {
          const step = this.#stepTexts.get(f.testStepId) ?? 'a step';
          attempt.message = f.testStepResult.message ?? `${status.toLowerCase()}: ${step}`;
        }
      }
    } else if (envelope.attachment) {
      const a = envelope.attachment;
      const attempt = a.testCaseStartedId ? this.#attempts.get(a.testCaseStartedId) : undefined;
      attempt?.attachments.push(a.mediaType);
    } else if (envelope.testCaseFinished) {
      const attempt = this.#attempts.get(envelope.testCaseFinished.testCaseStartedId);
      if (attempt) attempt.finishedAt = millisOf(envelope.testCaseFinished.timestamp);
    } else if (envelope.testRunStarted) {
      this.#run.startedAt = millisOf(envelope.testRunStarted.timestamp);
    } else if (envelope.testRunHookFinished) {
      const result = envelope.testRunHookFinished.result;
      // SKIPPED: a dry run (the list of a run stopped before it began) runs no hook.
      if (statusOf(result.status) !== 'PASSED' && statusOf(result.status) !== 'SKIPPED') {
        this.#run.errors.push(
          `run hook ${String(result.status).toLowerCase()}: ${result.message ?? ''}`.trim(),
        );
      }
    } else if (envelope.testRunFinished) {
      const f = envelope.testRunFinished;
      this.#run.finished = true;
      this.#run.finishedAt = millisOf(f.timestamp);
      if (f.exception) this.#run.errors.push(`${f.exception.type}: ${f.exception.message ?? ''}`.trim());
    }
  }

  /** Every scenario cucumber planned to run (had a test case), in plan order. */
  scenarios(): ScenarioRecord[] {
    const records: ScenarioRecord[] = [];
    for (const [testCaseId, pickleId] of this.#testCases) {
      const pickle = this.#pickles.get(pickleId);
      if (!pickle) continue;
      const latest = this.#latest.get(testCaseId);
      const attempt = latest ? this.#attempts.get(latest.startedId) : undefined;
      const record: ScenarioRecord = {
        pickleId,
        ...pickle,
        cucumberStatus: attempt ? attempt.status : 'NOT_RUN',
        attachments: attempt?.attachments ?? [],
        attempts: latest?.count ?? 0,
      };
      if (attempt?.message) record.message = attempt.message;
      if (attempt?.statusAt !== undefined) record.statusAt = attempt.statusAt;
      if (attempt) record.startedAt = attempt.startedAt;
      if (attempt?.finishedAt !== undefined) record.finishedAt = attempt.finishedAt;
      else if (attempt) record.cucumberStatus = 'UNKNOWN';
      records.push(record);
    }
    return records;
  }

  /**
   * Requirement ids (`@req:` tags) of every scenario cucumber read, selected or not: cucumber emits a
   * pickle for each scenario of the feature files before tags, names and shards select some.
   */
  suiteRequirements(): string[] {
    const ids = new Set<string>();
    for (const pickle of this.#pickles.values()) for (const id of requirementsOf(pickle.tags)) ids.add(id);
    return [...ids].sort();
  }

  run(): RunRecord {
    return { ...this.#run, errors: [...this.#run.errors] };
  }
}
