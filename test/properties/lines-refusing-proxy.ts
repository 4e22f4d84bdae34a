import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running defective target: its URL and how to stop it. */
export interface Proxy {
  url: string;
  refused: () => number;
  close(): Promise<void>;
}

/** Whether a parsed JSON value has a property of that name anywhere inside it. */
function hasField(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasField(v, name));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k === name || hasField(v, name));
}

/**
 * A tiny defective target for positive data: on 127.0.0.1, it forwards every request to the reference
 * implementation, except that a JSON body with a `lines` field anywhere (receipt lines, valid by the
 * contract) is refused with 400 validation_failed, as a vendor whose validator lags the contract might.
 */
export async function startLinesRefusingProxy(upstream: string): Promise<Proxy> {
  const target = new URL(upstream);
  let refused = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let parsed: unknown;
      try {
        parsed = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        parsed = undefined;
      }
      if (hasField(parsed, 'lines')) {
        refused += 1;
        res.writeHead(400, { 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Request failed validation',
            status: 400,
            code: 'validation_failed',
            errors: [{ pointer: '/receipt/lines', message: 'unknown field' }],
          }),
        );
        return;
      }
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502).end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
