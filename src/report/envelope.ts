import type { runCucumber } from '@cucumber/cucumber/api';

/**
 * The cucumber message envelope, as runCucumber hands it to a subscriber. Taken from the API's own
 * signature so the report needs no direct dependency on @cucumber/messages.
 */
export type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

export type Pickle = NonNullable<Envelope['pickle']>;
export type TestStepResult = NonNullable<Envelope['testStepFinished']>['testStepResult'];
export type StepStatus = TestStepResult['status'];
export type Timestamp = NonNullable<Envelope['testCaseStarted']>['timestamp'];

/** Milliseconds since the epoch of a message timestamp. */
export function millisOf(timestamp: Timestamp): number {
  return timestamp.seconds * 1000 + Math.round(timestamp.nanos / 1e6);
}
