import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A proxy on 127.0.0.1 that forwards everything to a target but never answers some requests. */
export interface StallingProxy {
  url: string;
  /** How many requests it is holding unanswered. */
  readonly stalled: number;
  /** Resolves once it holds `count` requests. */
  stalledRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Forwards every request to `target`, except those `stall(method, path)` picks: those never reach the
 * target and are never answered, like a system that hangs on one operation (a capture) while it answers
 * the rest. A test waits for a number of stalled requests, never for a time.
 */
export async function startStallingProxy(
  target: string,
  stall: (method: string, path: string) => boolean,
): Promise<StallingProxy> {
  const upstream = new URL(target);
  let stalled = 0;
  const waiting: Array<{ count: number; done: () => void }> = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (stall(req.method ?? 'GET', (req.url ?? '/').split('?')[0] as string)) {
      req.resume();
      stalled += 1;
      for (const w of waiting.filter((w) => stalled >= w.count)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.done();
      }
      return;
    }
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get stalled() {
      return stalled;
    },
    stalledRequests(count) {
      if (stalled >= count) return Promise.resolve();
      return new Promise((done) => waiting.push({ count, done }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
