import type { FastifyReply } from 'fastify';
import { type ErrorCode, errorCatalog } from '../../spec/errors.ts';

/** An RFC 9457 problem document for a catalog code. */
export function problem(code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}) {
  const entry = errorCatalog[code];
  return {
    type: `https://voucher-conformance.dev/errors/${code}`,
    title: entry.title,
    status: entry.status,
    code,
    detail,
    ...extensions,
  };
}

export function sendProblem(reply: FastifyReply, body: ReturnType<typeof problem>): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}
