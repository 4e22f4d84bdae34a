import { type ErrorCode, errorCodes, statusOf } from '../../../spec/errors.ts';
import type { RawAnswer } from './raw-request.ts';

/** What is wrong with a refusal of bad input: it must be a 4xx problem+json with a catalog code. */
export function problemFaults(answer: RawAnswer): string[] {
  const out: string[] = [];
  if (answer.status < 400 || answer.status > 499) out.push(`status ${answer.status}, not 4xx`);
  if (!/^application\/problem\+json/i.test(answer.contentType))
    out.push(`content type ${answer.contentType || '(none)'}, not application/problem+json`);
  const body = answer.body as { code?: unknown; status?: unknown } | undefined;
  const code = body && typeof body === 'object' ? body.code : undefined;
  if (typeof code !== 'string' || !errorCodes.includes(code as ErrorCode)) {
    out.push(`code ${JSON.stringify(code)} is not in the error catalog`);
  } else if (statusOf(code as ErrorCode) !== answer.status) {
    out.push(`code ${code} belongs with status ${statusOf(code as ErrorCode)}, came with ${answer.status}`);
  }
  if (body && typeof body === 'object' && body.status !== undefined && body.status !== answer.status)
    out.push(`problem status ${String(body.status)} differs from the HTTP status ${answer.status}`);
  return out;
}

/**
 * A validation_failed refusal of a request with one field spoilt must say which: the catalog's meaning
 * ("`errors` lists each problem with its JSON pointer"). Other codes are judged by problemFaults alone.
 */
export function pointerFaults(answer: RawAnswer, pointer: string): string[] {
  const body = answer.body as { code?: unknown; errors?: unknown } | undefined;
  if (!body || typeof body !== 'object' || body.code !== 'validation_failed') return [];
  const listed = Array.isArray(body.errors)
    ? body.errors.map((e) => (e && typeof e === 'object' ? (e as { pointer?: unknown }).pointer : undefined))
    : [];
  return listed.includes(pointer) ? [] : [`validation_failed does not list ${pointer} in its errors`];
}
