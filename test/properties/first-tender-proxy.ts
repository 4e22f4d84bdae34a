import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Proxy as RunningProxy } from './lines-refusing-proxy.ts';

/**
 * A tiny defective target for tender-orders: on 127.0.0.1, it forwards every request to the reference
 * implementation, except that a tender evaluation is asked about the first tender on the receipt only
 * (as a POS back end that checks the tender keyed first, not those keyed after it): whether an exclusive
 * tender refuses the others then depends on the order the cashier keyed them in.
 */
export async function startFirstTenderProxy(upstream: string): Promise<RunningProxy> {
  const target = new URL(upstream);
  let rewritten = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url === '/tenders/evaluate') {
        const receipt = JSON.parse(body.toString('utf8')) as { tenders?: string[] };
        if ((receipt.tenders?.length ?? 0) > 1) {
          rewritten += 1;
          body = Buffer.from(JSON.stringify({ ...receipt, tenders: receipt.tenders?.slice(0, 1) }));
        }
      }
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
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
    refused: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
