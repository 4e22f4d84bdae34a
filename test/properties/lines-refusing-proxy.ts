import { type RunningProxy, startRewritingProxy } from './rewriting-proxy.ts';

export type { RunningProxy as Proxy } from './rewriting-proxy.ts';

/** Whether a parsed JSON value has a property of that name anywhere inside it. */
function hasField(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasField(v, name));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k === name || hasField(v, name));
}

function parsed(body: Buffer): unknown {
  try {
    return body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A tiny defective target for positive data: on 127.0.0.1, it forwards every request to the reference
 * implementation, except that a JSON body with a `lines` field anywhere (receipt lines, valid by the
 * contract) is refused with 400 validation_failed, as a vendor whose validator lags the contract might.
 */
export function startLinesRefusingProxy(upstream: string): Promise<RunningProxy> {
  return startRewritingProxy(upstream, (_req, body) =>
    hasField(parsed(body), 'lines')
      ? {
          answer: {
            status: 400,
            headers: { 'content-type': 'application/problem+json' },
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Request failed validation',
              status: 400,
              code: 'validation_failed',
              errors: [{ pointer: '/receipt/lines', message: 'unknown field' }],
            }),
          },
        }
      : { forward: body },
  );
}
