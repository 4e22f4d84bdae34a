import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { routes } from '../../spec/routes/index.ts';
import type { Route } from '../../spec/routes/route.ts';
import { refuse } from '../domain/refusal.ts';
import type { Faults } from '../faults.ts';
import { authenticate, idempotencyKeyOf } from './auth.ts';
import { capabilities } from './capabilities.ts';
import { errorHandler } from './error-handler.ts';
import { faultyAnswers } from './faulty-answers.ts';
import { faultyReads } from './faulty-reads.ts';
import { handlers } from './handlers.ts';
import { problem, sendProblem } from './problem.ts';
import { assertReferenceIds } from './reference-ids.ts';
import { type Clock, testControl } from './test-control.ts';
import { fingerprint, inTransaction } from './transaction.ts';
import { validatorCompiler } from './validators.ts';

export interface AppOptions {
  pool: pg.Pool;
  clock: Clock;
  newId: () => string;
  testControl: boolean;
  logger: FastifyBaseLogger | boolean;
  /** Deliberate defects (simulators/defective/); absent in the correct implementation. */
  faults?: Faults;
}

import { maxBodyBytes } from './limits.ts';

const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The HTTP application: every route of the contract's table, with auth, idempotency and problem+json. */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: maxBodyBytes,
    return503OnClosing: true,
  } as never) as unknown as FastifyInstance;
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem('not_found', `no route ${request.method} ${request.url}`)),
  );
  const control = testControl(options.pool, options.clock, options.newId);
  const faults = options.faults;
  const reads = faultyReads(faults);
  const answers = faultyAnswers(faults);

  const serve = (route: Route) => async (request: import('fastify').FastifyRequest) => {
    if (route.operationId === 'getCapabilities') return capabilities(options.testControl);
    if (route.operationId === 'getHealth') {
      await options.pool.query('SELECT 1');
      return { status: 'ok', database: 'reachable' };
    }
    if (route.tag === 'test-control') {
      if (!options.testControl) refuse('not_found', 'test control is off');
      return control[route.operationId]?.(request);
    }
    return undefined;
  };

  for (const route of routes) {
    const handler = handlers[route.operationId];
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      schema: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
      },
      handler: async (request, reply) => {
        if (!handler) {
          const body = await serve(route)(request);
          return body === undefined
            ? reply.code(route.success.status).send()
            : reply.code(route.success.status).send(body);
        }
        const caller = await authenticate(
          options.pool,
          request,
          faults?.skipRoleCheck ? 'public' : route.access,
        );
        assertReferenceIds(request);
        const key = route.mutating ? idempotencyKeyOf(request) : null;
        const idempotency =
          key && !faults?.ignoreIdempotencyKeys
            ? {
                tenantId: caller.tenantId,
                key,
                fingerprint: fingerprint(request.method, request.url, request.body),
              }
            : null;
        const now = new Date(options.clock.now() + caller.clockOffsetSeconds * 1000);
        const input = { params: request.params as { id: string }, query: request.query, body: request.body };
        const discard = Boolean(faults?.ackBeforeCommit) && route.operationId === 'captureHold';
        const run = () =>
          inTransaction(
            options.pool,
            idempotency,
            route.success.status,
            (client) =>
              handler({ client, tenantId: caller.tenantId, now, newId: options.newId, faults }, input),
            discard,
          );
        const serveRequest = answers ? () => answers(route.operationId, run) : run;
        const answer = reads
          ? await reads.serve(caller.tenantId, route.operationId, request.url, serveRequest)
          : await serveRequest();
        if (answer.replayed) reply.header('idempotent-replayed', 'true');
        const isProblem = answer.status >= 400;
        return reply
          .code(answer.status)
          .type(isProblem ? 'application/problem+json' : 'application/json')
          .send(answer.body);
      },
    });
  }
  return app;
}
