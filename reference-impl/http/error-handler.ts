import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Refusal } from '../domain/refusal.ts';
import { problem, sendProblem } from './problem.ts';
import { describeErrors } from './validators.ts';

const byFastifyCode: Record<string, Parameters<typeof problem>[0]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
};

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
