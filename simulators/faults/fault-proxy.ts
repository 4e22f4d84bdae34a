import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { injectedFaultHeader } from '../../src/driver/http-driver.ts';
import { seededRandom } from '../fleet/seeded-random.ts';
import { type FaultName, type FaultProfile, faultNames, ratesAt } from './fault-profiles.ts';

export interface FaultProxyOptions {
  /** Where requests go: http://127.0.0.1:PORT. */
  target: string;
  profile: FaultProfile;
  seed: number;
  /** Extra latency of a delayed request, ms (min, max). Default 20..150. */
  delayMs?: readonly [number, number];
  /** How long a dropped request or answer keeps the connection silent before closing it (ms); longer than the client's timeout. */
  hangMs?: number;
}

export type FaultCounts = Record<FaultName | 'pass' | 'upstreamDown', number>;

export interface FaultProxy {
  url: string;
  counts: FaultCounts;
  close(): Promise<void>;
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'host',
  'content-length',
  'upgrade',
]);

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function headersOf(raw: IncomingMessage['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw))
    if (value !== undefined && !hopByHop.has(name))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/**
 * A real HTTP proxy on 127.0.0.1 that injects faults into requests with seeded probabilities: delay,
 * drop the request, drop the answer after the target acted (the client times out), send the request
 * twice, reset the connection, answer 503. A timeline of fault periods can change the rates over time.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const upstream = new Pool(options.target, { connections: 64 });
  const counts = Object.fromEntries(
    [...faultNames, 'pass', 'upstreamDown'].map((n) => [n, 0]),
  ) as FaultCounts;
  const timers = new Set<NodeJS.Timeout>();
  const [minDelay, maxDelay] = options.delayMs ?? [20, 150];
  const hangMs = options.hangMs ?? 3000;
  const started = performance.now();

  const choose = (): FaultName | 'pass' => {
    const rates = ratesAt(options.profile, performance.now() - started);
    let roll = random.next();
    for (const name of faultNames) {
      roll -= rates[name] ?? 0;
      if (roll < 0) return name;
    }
    return 'pass';
  };
  const hang = (res: ServerResponse) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.socket?.destroy();
    }, hangMs);
    timers.add(timer);
  };
  const forward = async (req: IncomingMessage, body: Buffer) => {
    const answer = await upstream.request({
      method: req.method as 'GET',
      path: req.url ?? '/',
      headers: headersOf(req.headers),
      body: body.length > 0 ? body : undefined,
    });
    return {
      status: answer.statusCode,
      headers: answer.headers,
      body: Buffer.from(await answer.body.arrayBuffer()),
    };
  };

  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const fault = choose();
    counts[fault] += 1;
    if (fault === 'reset') return void req.socket.resetAndDestroy();
    if (fault === 'dropRequest') return hang(res);
    if (fault === 'unavailable') {
      res.writeHead(503, {
        'content-type': 'application/problem+json',
        'retry-after': '1',
        // The harness's own answer, not the target's: the driver records it as a lost request.
        [injectedFaultHeader]: 'unavailable',
      });
      return void res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Service unavailable',
          status: 503,
          code: 'internal_error',
        }),
      );
    }
    if (fault === 'delay') await sleep(minDelay + random.int(maxDelay - minDelay + 1));
    let answer: Awaited<ReturnType<typeof forward>>;
    try {
      if (fault === 'duplicate') {
        const [first] = await Promise.allSettled([forward(req, body), forward(req, body)]);
        if (first.status === 'rejected') throw first.reason;
        answer = first.value;
      } else answer = await forward(req, body);
    } catch {
      counts.upstreamDown += 1;
      return void req.socket.destroy();
    }
    if (fault === 'dropResponse') return hang(res);
    const headers = { ...answer.headers };
    for (const name of hopByHop) delete headers[name];
    res.writeHead(answer.status, headers as Record<string, string>);
    res.end(answer.body);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await upstream.close();
    },
  };
}
