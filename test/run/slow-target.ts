import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A stub of a slow or silent voucher service on 127.0.0.1, for the harness's time limits and interrupts. */
export interface SlowTarget {
  url: string;
  /** Requests received beyond the quick ones (capabilities, tenants), in order: `METHOD /path`. */
  readonly slow: string[];
  /** Resolves once `count` slow requests have arrived. */
  slowRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface SlowTargetOptions {
  /** What GET /capabilities claims (always answered at once). */
  claims: readonly string[];
  /** How long every other request waits before its answer; null: it is never answered. */
  delayMs: number | null;
}

const problem = (res: ServerResponse, status: number, code: string) => {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title: code, status, code }));
};

/**
 * Answers what the harness reads before it starts (capabilities; a test tenant when test control is
 * claimed) at once, and everything else after `delayMs`, or never: every scenario, property or race then
 * waits on it. Counts what it was asked, so a test can wait for a number of requests, not for a time.
 */
export async function startSlowTarget(options: SlowTargetOptions): Promise<SlowTarget> {
  const slow: string[] = [];
  const waiting: Array<{ count: number; done: () => void }> = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let tenants = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/capabilities') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          contractVersion: '2.1.0',
          implementation: 'slow target',
          capabilities: options.claims,
          identifiers: ['number'],
          limits: { maxBodyBytes: 65536, maxAmount: 1_000_000, maxHoldTtlSeconds: 86400 },
        }),
      );
      return;
    }
    if (req.method === 'POST' && path === '/test/tenants' && options.claims.includes('test-control')) {
      tenants += 1;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          tenantId: `tenant-${tenants}`,
          keys: { pos: `pos-${tenants}`, webshop: `web-${tenants}`, backoffice: `office-${tenants}` },
        }),
      );
      return;
    }
    slow.push(`${req.method} ${path}`);
    for (const w of waiting.filter((w) => slow.length >= w.count)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.done();
    }
    if (options.delayMs === null) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      problem(res, 503, 'unavailable');
    }, options.delayMs);
    timers.add(timer);
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
    slow,
    slowRequests(count) {
      if (slow.length >= count) return Promise.resolve();
      return new Promise((done) => waiting.push({ count, done }));
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
