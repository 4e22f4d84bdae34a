import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { Refusal } from '../domain/refusal.ts';
import { problem, sendProblem } from './problem.ts';
import { describeErrors } from './validators.ts';

const byFastifyCode: Record<string, Parameters<typeof problem>[0]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_BAD_URL: 'malformed_request',
};

/**
 * SQLSTATEs of a value PostgreSQL cannot take (too long, out of range, not a date, not text). The request
 * validation refuses such values first; should one get through, the transaction has rolled back and the
 * caller gets the 400 its input earns, never a 500. Logged as a warning: each is a gap in the validation.
 */
const refusedValues = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/** The one place where failures become problem+json: bad input is always 4xx and never a 5xx. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Refusal)
    return sendProblem(reply, problem(error.code, error.message, error.extensions));
  if (error.validation) {
    const errors = describeErrors(error.validation as never, error.validationContext ?? 'body');
    return sendProblem(
      reply,
      problem('validation_failed', 'the request does not match the contract', { errors }),
    );
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const errors = [{ pointer: 'params:/id', message: 'must NOT have more than 255 characters' }];
    return sendProblem(reply, problem('validation_failed', 'a path parameter is too long', { errors }));
  }
  if (error instanceof pg.DatabaseError && refusedValues.has(error.code ?? '')) {
    request.log.warn({ err: error }, 'input refused at the database boundary (validation let it through)');
    return sendProblem(reply, problem('validation_failed', 'a value of the request cannot be stored'));
  }
  const mapped = error.code ? byFastifyCode[error.code] : undefined;
  if (mapped) return sendProblem(reply, problem(mapped, error.message));
  if (
    error instanceof SyntaxError ||
    (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
  ) {
    return sendProblem(reply, problem('malformed_request', error.message));
  }
  request.log.error({ err: error }, 'internal error');
  return sendProblem(reply, problem('internal_error', 'the server failed; see its log'));
}
