import type { Role } from '../../spec/capabilities.ts';
import type { ProviderStateName } from '../../spec/provider-states.ts';
import type { OperationId } from '../driver/operation.ts';

/** A shell variable an answer defines: the jq filter that reads it, and the value it had in this run. */
export interface Bind {
  name: string;
  jq: string;
  value: string;
}

/** One request a property sent, as the renderers need it: symbolic names instead of the target's ids. */
export interface CallStep {
  kind: 'call';
  operationId: OperationId;
  /** `other-tenant:<role>`: a key of another tenant that the run made (its createTestTenant answer's keys). */
  auth: Role | 'none' | 'wrong-key' | 'other-tenant' | `other-tenant:${Role}`;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The body exactly as sent, when it must go out byte for byte (a malformed one, an amount as written). */
  rawBody?: string;
  /**
   * The Idempotency-Key the request carried (mutating operations): a retry carries its first request's
   * key, so the reproducers send the same key again where the run did.
   */
  idempotencyKey?: string;
  binds: Bind[];
  /** What came back: the status (null when the outcome is unknown) and the refusal's code. */
  status: number | null;
  code?: string;
  /** What the model predicted: 'success' or a refusal's code (absent for set-up calls). */
  expected?: string;
  /**
   * Requests that were in flight at the same time share a number (a race): the reproducers send them
   * together, since a lost update or an overspend shows only when they overlap at the target.
   */
  together?: number;
}

/**
 * A provider state the run asked the driver to arrange (never certified): the canonical driver does it
 * through the contract's operations, an adapter however its system can.
 */
export interface ArrangeStep {
  kind: 'arrange';
  state: ProviderStateName;
  params: unknown;
  /** What the driver gave back (the voucher's id …), or why it could not. */
  result?: unknown;
  error?: string;
  binds: Bind[];
}

export type TranscriptStep = CallStep | ArrangeStep;

/** A run's record: the steps (for curl and the adapter replay) and the Gherkin lines (for a feature file). */
export interface Transcript {
  steps: TranscriptStep[];
  gherkin: string[];
  /** Whether the run had a tenant of its own (test control) or the vendor-given keys of a shared one. */
  isolated: boolean;
  /** The driver's name: `http` for the canonical driver, `adapter:<name>` for a vendor adapter. */
  driver: string;
  /** The run's own suffix in codes and receipt numbers: a replay puts its own in its place. */
  suffix?: string;
}

export const emptyTranscript = (driver = 'http', isolated = true): Transcript => ({
  steps: [],
  gherkin: [],
  isolated,
  driver,
});
