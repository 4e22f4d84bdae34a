/**
 * A simulated commerce platform whose gift cards are spent only by completing a checkout paid with
 * the card: a node:http server on 127.0.0.1, one shop per process, in-memory state, no logging. Its
 * API is its own (admin and storefront tokens, carts, decimal strings, { errors: [...] }); an adapter
 * maps it onto the contract. Defects are switched on by options.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes } from './admin-routes.ts';
import { CheckoutError, invalidRequest } from './checkout-error.ts';
import { newToken } from './ids.ts';
import type { Answer, Body } from './route.ts';
import { type Defects, Shop } from './shop.ts';
import { storefrontRoutes } from './storefront-routes.ts';

export interface CheckoutVendorOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  defects?: Defects;
  /** Simulated database latency of each balance read and write; 2 by default. */
  latencyMs?: number;
  clock?: () => Date;
}

export interface CheckoutVendor {
  url: string;
  adminToken: string;
  storefrontToken: string;
  close(): Promise<void>;
}

const routes = [...adminRoutes, ...storefrontRoutes];
const maxBodyBytes = 64 * 1024;

/** The request body as text, or undefined when it is larger than maxBodyBytes (read to the end anyway). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBodyBytes) chunks.push(chunk);
  }
  return size <= maxBodyBytes ? Buffer.concat(chunks).toString('utf8') : undefined;
}

function parseBody(text: string | undefined): Body {
  if (text === undefined) throw invalidRequest(`the body is larger than ${maxBodyBytes} bytes`);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidRequest('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalidRequest('the body must be a JSON object');
  return parsed as Body;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function settle(error: unknown): Answer {
  if (error instanceof CheckoutError) return error.answer();
  return new CheckoutError('INTERNAL_ERROR', 'the simulator failed unexpectedly').answer();
}

async function respond(shop: Shop, tokens: { admin: string; storefront: string }, req: IncomingMessage) {
  const text = await readBody(req);
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
  if (!route) throw new CheckoutError('NOT_FOUND', `no route ${req.method} ${path}`);
  const allowed =
    route.api === 'admin'
      ? header(req, 'authorization') === `Bearer ${tokens.admin}`
      : header(req, 'x-storefront-token') === tokens.storefront;
  if (!allowed) throw new CheckoutError('UNAUTHORIZED', `a valid ${route.api} token is required`);
  const body = parseBody(text);
  const params = route.pattern.exec(path)?.slice(1) ?? [];
  const run = async () => {
    try {
      return await route.handle(shop, params, body);
    } catch (error) {
      return settle(error);
    }
  };
  const key = header(req, 'idempotency-key');
  if (!route.idempotent || key === undefined) return run();
  if (key.length === 0 || key.length > 255)
    throw invalidRequest('Idempotency-Key must have 1 to 255 characters');
  return shop.idempotency.run(key, `${req.method} ${path} ${JSON.stringify(body)}`, run);
}

export async function startCheckoutVendor(options: CheckoutVendorOptions = {}): Promise<CheckoutVendor> {
  const shop = new Shop({
    latencyMs: options.latencyMs ?? 2,
    defects: options.defects ?? {},
    clock: options.clock ?? (() => new Date()),
  });
  const tokens = { admin: newToken('shpat'), storefront: newToken('sf') };
  const server = createServer((req, res) => {
    respond(shop, tokens, req)
      .catch(settle)
      .then((answer) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })
      .catch(() => res.destroy());
  });
  server.on('clientError', (_, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    adminToken: tokens.admin,
    storefrontToken: tokens.storefront,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
