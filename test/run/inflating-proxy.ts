import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { RunTarget } from '../../src/run/run-target.ts';
import { startReferenceTarget } from '../../src/run/run-target.ts';

const voucherPath = /^\/vouchers\/[0-9a-f-]{36}$/;

/**
 * A deliberately defective implementation for the self-validation hook: the reference implementation
 * behind a proxy that answers every voucher read with a balance one unit too high (200, schema-valid,
 * wrong). Stands in for the simulators/ to come.
 */
export async function startInflatingProxy(): Promise<RunTarget> {
  const upstream = await startReferenceTarget(process.env.DATABASE_URL);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await request(`${upstream.url}${req.url}`, {
      method: req.method as 'GET',
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection'),
      ),
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    let body = Buffer.from(await answer.body.arrayBuffer());
    if (req.method === 'GET' && voucherPath.test(req.url ?? '') && answer.statusCode === 200) {
      const voucher = JSON.parse(body.toString('utf8')) as { balance: { amount: number } };
      voucher.balance.amount += 1;
      body = Buffer.from(JSON.stringify(voucher));
    }
    const headers = { ...answer.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.statusCode, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    implementation: 'external',
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => upstream.close());
      return closing;
    },
  };
}
