import type { Transcript } from '../reproducers/transcript.ts';

/**
 * A property's set-up (its fixture) met a defect before any generated case: the property fails with this
 * message, and the transcript of the set-up shows the requests up to the answer that stopped it.
 */
export class SetUpFailure extends Error {
  override name = 'SetUpFailure';
  readonly transcript: Transcript | undefined;

  constructor(message: string, transcript?: Transcript, options?: { cause?: unknown }) {
    super(message, options);
    this.transcript = transcript;
  }
}
