// The least a Node server does for a one-step redemption (bench/node-floor.bench.ts): Fastify reads the
// JSON body and sends the reference server's own statement (redeem_now, one round trip), through the
// same group commit (reference-impl/storage/redeem-batch.ts: those that arrive together go as one
// batch), then answers.
// No schema validation, no API-key lookup (the statement checks the key's hash), no fingerprint, no
// service path for anything but the plain success: what is left is Node's HTTP, the driver and the loop.
// Run as a child with IPC: argv databaseUrl tenantId keyHash; sends { url, pid } once listening.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { redeemBatcher } from '../../reference-impl/storage/redeem-batch.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';

const [databaseUrl, tenantId, keyHash] = process.argv.slice(2);
if (!databaseUrl || !tenantId || !keyHash || !process.send)
  throw new Error('usage: fork least-server.ts <databaseUrl> <tenantId> <keyHash> (with IPC)');
const pool = new pg.Pool({ connectionString: databaseUrl, max: 32 });
pool.on('error', () => {});
const batcher = redeemBatcher(pool);
const app = Fastify();
app.post('/vouchers/:id/redemptions', async (request, reply) => {
  const body = request.body as { amount: { amount: number; currency: string }; receipt: Receipt };
  const voucherId = (request.params as { id: string }).id;
  const id = randomUUID();
  const answer = { id, voucherId, amount: body.amount, receipt: body.receipt };
  const balanceAfter = await batcher.redeem({
    keyHash,
    tenantId,
    role: 'pos',
    clockOffsetSeconds: 0,
    idempotencyKey: String(request.headers['idempotency-key']),
    fingerprint: 'f'.repeat(64),
    voucherId,
    amount: body.amount.amount,
    currency: body.amount.currency,
    receipt: body.receipt,
    redemptionId: id,
    now: new Date(),
    status: 201,
    answer,
  });
  if (balanceAfter === null) return reply.code(409).send({ title: 'not the plain success' });
  return reply.code(201).send({ ...answer, balanceAfter: { amount: balanceAfter, currency: 'EUR' } });
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const close = () =>
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
process.on('disconnect', close);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, close);
process.send({ url, pid: process.pid });
