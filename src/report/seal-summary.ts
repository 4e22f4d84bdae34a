import { createHash } from 'node:crypto';
import { canonicalJson } from '../checkers/canonical-json.ts';

export interface Integrity {
  algorithm: 'sha256';
  canonicalization: string;
  covers: string;
  value: string;
}

const canonicalization =
  'JSON with object keys sorted by UTF-16 code units, no whitespace, undefined members left out (RFC 8785 for these documents)';
const covers = 'every member of this document except "integrity"';

/** The summary with an `integrity` member: SHA-256 (hex) of the canonical JSON of everything else. */
export function sealSummary<T extends object>(summary: T): T & { integrity: Integrity } {
  const { integrity: _drop, ...rest } = summary as T & { integrity?: unknown };
  const value = createHash('sha256').update(canonicalJson(rest)).digest('hex');
  return { ...(rest as T), integrity: { algorithm: 'sha256', canonicalization, covers, value } };
}

/** true when the document's integrity value matches its content. */
export function verifySeal(document: { integrity?: { value?: string } }): boolean {
  const expected = document.integrity?.value;
  return typeof expected === 'string' && sealSummary(document).integrity.value === expected;
}
