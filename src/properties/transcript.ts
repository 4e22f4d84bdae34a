import type { Role } from '../../spec/capabilities.ts';
import type { OperationId } from '../driver/operation.ts';

/** One request a property sent, as the renderers need it: symbolic names instead of the target's ids. */
export interface TranscriptStep {
  operationId: OperationId;
  auth: Role | 'none' | 'wrong-key' | 'other-tenant';
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Shell variables this answer defines: the jq filter that reads each, and the value it had in this run. */
  binds: Array<{ name: string; jq: string; value: string }>;
  /** What came back: the status (null when the outcome is unknown) and the refusal's code. */
  status: number | null;
  code?: string;
  /** What the model predicted: 'success' or a refusal's code (absent for set-up calls). */
  expected?: string;
}

/** A run's record: the HTTP steps (for curl) and the Gherkin lines (for a feature file). */
export interface Transcript {
  steps: TranscriptStep[];
  gherkin: string[];
}

export const emptyTranscript = (): Transcript => ({ steps: [], gherkin: [] });
