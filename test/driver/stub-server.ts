import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubAnswer {
  status: number;
  contentType?: string;
  body?: string;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface Stub {
  url: string;
  /** The requests received, in order. */
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  /** The answer to every request from now on. */
  answer(next: StubAnswer): void;
  /** The answer to requests with this method and path (no query), before the general one. */
  route(method: string, path: string, answer: StubAnswer): void;
  close(): Promise<void>;
}

/** A tiny HTTP server on 127.0.0.1 that answers whatever the test tells it to. */
export async function startStub(): Promise<Stub> {
  let next: StubAnswer = { status: 404, contentType: 'text/plain', body: 'no answer set' };
  const requests: Stub['requests'] = [];
  const routes = new Map<string, StubAnswer>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const chosen = routes.get(`${req.method} ${(req.url ?? '').split('?')[0]}`) ?? next;
      if (chosen.hang) return;
      const headers: Record<string, string> = {};
      if (chosen.contentType) headers['content-type'] = chosen.contentType;
      res.writeHead(chosen.status, headers).end(chosen.body ?? '');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(a) {
      next = a;
    },
    route(method, path, a) {
      routes.set(`${method} ${path}`, a);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
