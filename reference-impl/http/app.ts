import type { Socket } from 'node:net';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type pg from 'pg';
import { routes } from '../../spec/routes/index.ts';
import type { Route } from '../../spec/routes/route.ts';
import type { Faults } from '../faults.ts';
import type { Caller } from '../storage/tenant-rows.ts';
import { authenticate, bearerKey, idempotencyKeyOf } from './auth.ts';
import { capabilities } from './capabilities.ts';
import { clientErrorHandler, refuseOnSocket } from './client-error.ts';
import { errorHandler } from './error-handler.ts';
import { faultyAnswers } from './faulty-answers.ts';
import { faultyKeys } from './faulty-keys.ts';
import { faultyReads } from './faulty-reads.ts';
import { handlers } from './handlers.ts';
import { strictJsonBodies } from './json-body.ts';
import { confirm, knownKeys } from './known-keys.ts';
import { maxBodyBytes, maxHeaderBytes } from './limits.ts';
import { allowedMethods } from './method-not-allowed.ts';
import { oneStatement } from './one-statement.ts';
import { problem, sendProblem } from './problem.ts';
import { assertReferenceIds } from './reference-ids.ts';
import { checkRequestLine } from './request-line.ts';
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

const toFastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Routes whose caller presents an API key: authenticated before the body is even read. */
const keyed = (route: Route) => route.access !== 'public' && route.access !== 'test-control';

/**
 * The HTTP application: every route of the contract's table, with auth, idempotency and problem+json.
 * Every answer it gives to bad input is problem+json with a catalog code, from the request line up:
 * unparseable HTTP (Node's clientError), bad percent-encoding, a method the path does not have (405),
 * an unknown or wrong key (before validation, so the schema is not revealed), then the schema.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: typeof options.logger === 'object' ? options.logger : undefined,
    logger: typeof options.logger === 'boolean' ? options.logger : undefined,
    bodyLimit: maxBodyBytes,
    return503OnClosing: true,
    // A path parameter is as long as the request line allows; the contract's schema (ids up to 255) judges it.
    routerOptions: { maxParamLength: maxHeaderBytes },
    // Node's bare 400 to an HTTP/1.1 request without Host becomes ours (onRequest below).
    http: { requireHostHeader: false },
    frameworkErrors: errorHandler,
    clientErrorHandler,
  } as never) as unknown as FastifyInstance;
  // An Expect other than 100-continue: served as if absent (RFC 9110 allows it), not Node's bare 417.
  app.server.on('checkExpectation', (req, res) => app.server.emit('request', req, res));
  // CONNECT is no method of this service: Node would close the connection without a word.
  app.server.on('connect', (_req, socket: Socket) =>
    refuseOnSocket(socket, 'CONNECT is not served: this is no proxy'),
  );
  app.removeContentTypeParser('text/plain');
  strictJsonBodies(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', checkRequestLine);

  // Without test control its routes do not exist: 404 whatever the body, before any validation.
  const served = routes.filter((r) => options.testControl || r.tag !== 'test-control');
  const methodsAt = allowedMethods(served);
  app.setNotFoundHandler((request, reply) => {
    const allowed = methodsAt(request.url);
    if (allowed.length === 0)
      return sendProblem(reply, problem('not_found', `no route ${request.method} ${request.url}`));
    reply.header('allow', allowed.join(', '));
    return sendProblem(
      reply,
      problem('method_not_allowed', `${request.method} is not allowed here; allowed: ${allowed.join(', ')}`),
    );
  });

  const callers = new WeakMap<FastifyRequest, Caller>();
  // Operations (routes with a handler) confirm their caller in their own transaction; the rest ask.
  const known = knownKeys();
  const control = testControl(options.pool, options.clock, options.newId, options.faults);
  const faults = options.faults;
  const reads = faultyReads(faults);
  const answers = faultyAnswers(faults);
  const keys = faultyKeys(faults);

  const serve = async (route: Route, request: FastifyRequest) => {
    if (route.operationId === 'getCapabilities') return capabilities(options.testControl);
    if (route.operationId === 'getHealth') {
      await options.pool.query('SELECT 1');
      return { status: 'ok', database: 'reachable' };
    }
    return control[route.operationId]?.(request, callers.get(request) as Caller);
  };

  for (const route of served) {
    const handler = handlers[route.operationId];
    // A defective implementation runs every operation through the service, where its faults live.
    const direct = faults ? undefined : oneStatement[route.operationId];
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      schema: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { querystring: route.query } : {}),
        ...(route.body ? { body: route.body } : {}),
      },
      // Who is calling comes first: a caller without a valid key learns nothing of the schema.
      ...(keyed(route)
        ? {
            onRequest: async (request: FastifyRequest) => {
              const access = faults?.skipRoleCheck ? 'public' : route.access;
              const keys = handlers[route.operationId] ? known : undefined;
              callers.set(request, await authenticate(options.pool, request, access, keys));
            },
          }
        : {}),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        if (!handler) {
          const body = await serve(route, request);
          return body === undefined
            ? reply.code(route.success.status).send()
            : reply.code(route.success.status).send(body);
        }
        let caller = callers.get(request) as Caller;
        const apiKey = bearerKey(request);
        const checkCaller = async (client: pg.ClientBase) => {
          const asked = await confirm(client, apiKey);
          return async () => {
            const seen = await asked.caller();
            if (!seen) known.forget(apiKey);
            else known.remember(apiKey, seen);
            if (!seen || seen.tenantId !== caller.tenantId || seen.role !== caller.role)
              return 'gone' as const;
            if (seen.clockOffsetSeconds === caller.clockOffsetSeconds) return 'same' as const;
            caller = seen;
            return 'moved' as const;
          };
        };
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
        const input = { params: request.params as { id: string }, query: request.query, body: request.body };
        if (direct && idempotency) {
          const now = new Date(options.clock.now() + caller.clockOffsetSeconds * 1000);
          const status = route.success.status;
          const call = { caller, apiKey, idempotency, input, now, newId: options.newId, status };
          const answer = await direct(options.pool, call);
          if (answer) return reply.code(answer.status).type('application/json').send(answer.body);
        }
        const discard = Boolean(faults?.ackBeforeCommit) && route.operationId === 'captureHold';
        const transact = (claim: typeof idempotency) =>
          inTransaction(
            options.pool,
            claim,
            route.success.status,
            (client) => {
              const now = new Date(options.clock.now() + caller.clockOffsetSeconds * 1000);
              return handler({ client, tenantId: caller.tenantId, now, newId: options.newId, faults }, input);
            },
            discard,
            checkCaller,
            !route.mutating,
          );
        const run = keys ? () => keys(idempotency, transact) : () => transact(idempotency);
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
