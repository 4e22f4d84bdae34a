import type { ErrorCode } from '../../spec/errors.ts';

/** A domain refusal: a catalog code plus the problem+json extensions that explain it. */
export class Refusal extends Error {
  readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.code = code;
    this.extensions = extensions;
  }
}

export function refuse(code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}): never {
  throw new Refusal(code, detail, extensions);
}
