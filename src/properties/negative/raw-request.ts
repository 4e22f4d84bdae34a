import { request } from 'undici';

/** What came back for a raw request: status, content type and the parsed body (or the text). */
export interface RawAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

export interface RawRequest {
  /** The contract's methods, and others a path does not have (issue 15: a 405 or 404, never a 2xx). */
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent byte for byte: malformed bodies cannot go through the driver's typed operations. */
  body?: string;
}

/**
 * The one place the properties bypass the driver seam: requests the contract's types cannot express
 * (broken JSON, wrong content types, oversize bodies) sent with undici to the target's URL.
 */
export async function sendRaw(target: string, req: RawRequest, timeoutMs = 10_000): Promise<RawAnswer> {
  const url = new URL(target);
  const base = url.pathname.replace(/\/+$/, '');
  const res = await request(`${url.origin}${base}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await res.body.text();
  const ct = res.headers['content-type'];
  const contentType = (Array.isArray(ct) ? ct[0] : ct) ?? '';
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: kept as text, and the check below says so
  }
  return { status: res.statusCode, contentType, body };
}
