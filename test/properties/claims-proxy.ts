import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { Capability } from '../../spec/capabilities.ts';

/** A running proxy: its URL and how to stop it. */
export interface ClaimsProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * The reference implementation as a vendor that claims less: on 127.0.0.1, every request is forwarded
 * unchanged, except that GET /capabilities answers with the claims `keep` lets through (for example, no
 * test control: a target that needs --api-key). In the style of test/run/inflating-proxy.ts.
 */
export async function startClaimsProxy(
  upstream: string,
  keep: (capability: Capability) => boolean,
): Promise<ClaimsProxy> {
  const server = createServer((req, res) => {
    // A request its client abandons (bytes no client sends, a closed connection) ends here, quietly.
    forward(req, res).catch(() => res.destroy());
  });
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await request(`${upstream}${req.url}`, {
      method: req.method as 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection'),
      ),
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    let body = Buffer.from(await answer.body.arrayBuffer());
    if (req.method === 'GET' && req.url === '/capabilities' && answer.statusCode === 200) {
      const claims = JSON.parse(body.toString('utf8')) as { capabilities: Capability[] };
      claims.capabilities = claims.capabilities.filter(keep);
      body = Buffer.from(JSON.stringify(claims));
    }
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.statusCode, headers).end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
