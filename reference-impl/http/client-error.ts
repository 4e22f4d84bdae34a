import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { problem } from './problem.ts';

function detailOf(code: string | undefined): string {
  if (code === 'HPE_HEADER_OVERFLOW')
    return 'the request line and headers exceed the limit of 16 KiB (an over-long URL?)';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'the request did not arrive in time';
  return `the request is not parseable HTTP/1.1 (${code ?? 'client error'})`;
}

/**
 * A 400 malformed_request problem+json written on the connection itself, which then closes: for what
 * never becomes a request fastify could answer. Nothing is written over an answer already on its way.
 */
export function refuseOnSocket(socket: Socket, detail: string): void {
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || answering?.headersSent) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(problem('malformed_request', detail));
  socket.end(
    'HTTP/1.1 400 Bad Request\r\n' +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
    () => socket.destroy(),
  );
}

/**
 * Node's `clientError` (bytes its HTTP parser cannot read, headers past the limit, a request that never
 * ends): a 400 problem+json, then the connection closes, as there is no telling where the next request
 * would start.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.debug({ err: error }, 'unparseable HTTP request');
  refuseOnSocket(socket, detailOf(error.code));
}
