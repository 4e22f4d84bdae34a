import type { ErrorCode } from '../../../spec/errors.ts';

/** The codes that say "your request has the wrong shape": a valid request must never get one. */
export const shapeRefusals: readonly ErrorCode[] = [
  'validation_failed',
  'malformed_request',
  'unsupported_media_type',
];
