/**
 * One exchange with the system under test, as evidence: over HTTP, the request (method, URL, headers
 * with keys redacted, body) and the response (status, headers, body) or why none came; through an
 * adapter, the contract operation it was asked and the completion it gave.
 */
export type Exchange =
  | {
      kind: 'http';
      operationId: string;
      /**
       * `auth`: the role whose key the request carried, or `none`; a key given as such that is not one
       * of the session's is `key:<role>` when it names its role (`vk_pos_…`), else `key:unknown`.
       */
      request: { method: string; url: string; auth: string; headers: Record<string, string>; body?: string };
      response?: { status: number; headers: Record<string, string>; body: string };
      /** Why no answer came (a timeout, a lost connection). */
      error?: string;
      startedAt: string;
      durationMs: number;
    }
  | {
      kind: 'adapter';
      operationId: string;
      operation: unknown;
      completion: unknown;
      startedAt: string;
      durationMs: number;
    };

/** Who receives the exchanges of a driver: the scenario that keeps them as evidence. */
export type ExchangeListener = (exchange: Exchange) => void;

const secretHeaders = new Set(['authorization', 'x-api-key', 'x-storefront-token', 'x-merchant-key']);

/** A header value that carries a key, shown by its first characters only. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      secretHeaders.has(name.toLowerCase())
        ? `${value.slice(0, Math.min(12, Math.floor(value.length / 2)))}…(redacted)`
        : value,
    ]),
  );
}

/** Who a key given as such belongs to, for the evidence: a role of the session, or `key:<role it names>`. */
export function keyHolder(key: string, session: Partial<Record<string, string>>): string {
  const role = Object.entries(session).find(([, k]) => k === key)?.[0];
  if (role) return role;
  return `key:${/^vk_(pos|webshop|backoffice)_/.exec(key)?.[1] ?? 'unknown'}`;
}

/** One request as evidence, before its answer: what recordExchange needs. */
export interface ExchangeRequest {
  method: string;
  url: string;
  auth: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Notes a request for an exchange listener: the listener hears it once, when it is answered or lost,
 * with its headers' keys redacted and its duration. Without a listener it costs nothing.
 */
export function recordExchange(
  listener: ExchangeListener | undefined,
  operationId: string,
  request: ExchangeRequest,
) {
  if (!listener) return undefined;
  const started = performance.now();
  const shown = { ...request, headers: redactHeaders(request.headers) };
  if (shown.body === undefined) delete shown.body;
  const base = { kind: 'http' as const, operationId, request: shown, startedAt: new Date().toISOString() };
  const took = () => Math.round((performance.now() - started) * 10) / 10;
  return {
    answered(status: number, raw: Record<string, string | string[] | undefined>, text: string) {
      const headers = Object.fromEntries(
        Object.entries(raw).flatMap(([k, v]) =>
          v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]],
        ),
      );
      listener({ ...base, response: { status, headers, body: text }, durationMs: took() });
    },
    lost(error: string) {
      listener({ ...base, error, durationMs: took() });
    },
  };
}
