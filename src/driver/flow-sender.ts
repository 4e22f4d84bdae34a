import type { FlowRequest, FlowResponse } from '../../adapter/index.js';
import { acquirePool, releasePool } from './pool-registry.ts';

/** A flow request as it goes on the wire. */
export interface WireRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Parses an answer's body as a flow reads it: JSON when it is JSON, else its text. */
export function bodyOf(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Sends the requests of transport-free adapters to one target over a shared undici pool: paths are
 * relative to the target's base URL, bodies other than strings go as JSON. An answer that never came is
 * status 0 with the error; the process-wide pool stays open for the other drivers of the target.
 */
export function flowSender(target: string, timeoutMs: number) {
  const base = new URL(target);
  const basePath = base.pathname.replace(/\/+$/, '');
  const pool = acquirePool(base.origin);
  return {
    close: () => releasePool(base.origin),
    prepare(request: FlowRequest): WireRequest {
      const headers: Record<string, string> = { accept: 'application/json', ...(request.headers ?? {}) };
      let body: string | undefined;
      if (request.body !== undefined) {
        body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
          headers['content-type'] = 'application/json';
      }
      const path = `${basePath}${request.path.startsWith('/') ? '' : '/'}${request.path}`;
      return {
        method: request.method,
        url: `${base.origin}${path}`,
        path,
        headers,
        ...(body === undefined ? {} : { body }),
      };
    },
    async send(wire: WireRequest): Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      text: string;
      error?: string;
      response: FlowResponse;
    }> {
      try {
        const answer = await pool.request({
          method: wire.method as 'GET',
          path: wire.path,
          headers: wire.headers,
          body: wire.body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const text = await answer.body.text();
        const headers = Object.fromEntries(
          Object.entries(answer.headers).flatMap(([k, v]) =>
            v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]],
          ),
        ) as Record<string, string>;
        return {
          status: answer.statusCode,
          headers: answer.headers,
          text,
          response: { status: answer.statusCode, headers, body: bodyOf(text) },
        };
      } catch (error) {
        const why = `${(error as { code?: string }).code ?? (error as Error).name}: ${(error as Error).message}`;
        return {
          status: 0,
          headers: {},
          text: '',
          error: why,
          response: { status: 0, headers: {}, body: '', error: why },
        };
      }
    },
  };
}
