import type { FastifyRequest } from 'fastify';
import { Refusal } from '../domain/refusal.ts';

/** Whether every name and value of a query string is percent-encoding of UTF-8 (RFC 3986, RFC 3629). */
function decodable(query: string): boolean {
  try {
    for (const part of query.split(/[&=]/)) decodeURIComponent(part.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * What the router does not judge, refused before anything else (a malformed_request): an HTTP/1.1
 * request without Host (RFC 9112 §3.2; Node would answer a bare 400), and a query string whose
 * percent-encoding decodes to nothing or to bytes that are not UTF-8, which the query parser would
 * otherwise pass on undecoded, as if it were the text the caller meant.
 */
export async function checkRequestLine(request: FastifyRequest): Promise<void> {
  if (request.raw.httpVersion === '1.1' && request.headers.host === undefined)
    throw new Refusal('malformed_request', 'an HTTP/1.1 request needs a Host header');
  const url = request.raw.url ?? '';
  const at = url.indexOf('?');
  if (at >= 0 && !decodable(url.slice(at + 1)))
    throw new Refusal('malformed_request', 'the query string is not valid percent-encoding of UTF-8');
}
