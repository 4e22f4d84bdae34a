import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running defective target: its URL, how many requests it changed, and how to stop it. */
export interface RunningProxy {
  url: string;
  refused: () => number;
  close(): Promise<void>;
}

/** What the proxy does with one request: forward it (its body perhaps rewritten), or answer it itself. */
export type Rewrite =
  | { forward: Buffer }
  | { answer: { status: number; headers: Record<string, string>; body: string } };

/**
 * A tiny defective target: on 127.0.0.1, every request goes to `upstream` as `rewrite` says, with its
 * body read whole first; `changed` counts the requests it did not forward unchanged.
 */
export async function startRewritingProxy(
  upstream: string,
  rewrite: (req: IncomingMessage, body: Buffer) => Rewrite,
): Promise<RunningProxy> {
  const target = new URL(upstream);
  let changed = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const what = rewrite(req, body);
      if ('answer' in what) {
        changed += 1;
        res.writeHead(what.answer.status, what.answer.headers).end(what.answer.body);
        return;
      }
      if (what.forward !== body) changed += 1;
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(what.forward.length) },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502).end();
      });
      forward.end(what.forward);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => changed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
