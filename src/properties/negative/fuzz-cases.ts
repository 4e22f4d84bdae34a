import fc from 'fast-check';
import type { Role } from '../../../spec/capabilities.ts';
import { routes } from '../../../spec/routes/index.ts';
import type { OperationId } from '../../driver/operation.ts';
import { pathOf, routeOf } from '../../driver/route-table.ts';
import { headersFor, type MalformedCase } from './hostile-request.ts';
import type { ValidRequest } from './negative-fixture.ts';

/** Bytes for one connection, and what is wrong with them. */
export interface SocketCase {
  what: string;
  bytes: string;
  /**
   * A complete request, valid but for a header a server may ignore (RFC 9110 lets it ignore an
   * expectation it does not know, or refuse it with 417): it must be answered, whatever the answer but a
   * 5xx, never left without one. The other cases may also end with the connection closed, or held open
   * (an HTTP/2 preface waits for the client's settings).
   */
  mustAnswer?: true;
}

/** Where the socket cases go: a path to read and one to pay at, a valid key, and a valid payment body. */
export interface SocketTarget {
  read: string;
  write: string;
  key: string;
  body: string;
}

/**
 * The fixed requests past any client library, at a path to read (GET) and one to write (POST with a
 * valid body) with a valid key: Node's HTTP parser, or the first hook, must refuse each with problem+json,
 * as the request each would be, read leniently, is valid.
 */
export function fixedSocketCases(at: SocketTarget): SocketCase[] {
  const { read: path, write, key, body } = at;
  const head = (line: string, headers: string[]) => `${line}\r\n${headers.join('\r\n')}\r\n\r\n`;
  const host = 'Host: 127.0.0.1';
  const auth = `Authorization: Bearer ${key}`;
  const json = 'Content-Type: application/json';
  return [
    { what: 'HTTP/2 preface', bytes: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
    { what: 'an unknown HTTP version', bytes: head(`GET ${path} HTTP/9.9`, [host, auth]) },
    { what: 'a space in the header name', bytes: head(`GET ${path} HTTP/1.1`, [host, 'Bad Header: 1']) },
    { what: 'a NUL in a header value', bytes: head(`GET ${path} HTTP/1.1`, [host, 'X-A: a\u0000b']) },
    { what: 'a space in the URL', bytes: head(`GET ${path}/a b HTTP/1.1`, [host, auth]) },
    { what: 'no Host on HTTP/1.1', bytes: head(`GET ${path} HTTP/1.1`, [auth, 'Connection: close']) },
    { what: 'CONNECT', bytes: head('CONNECT 127.0.0.1:1 HTTP/1.1', [host]) },
    {
      what: 'Content-Length and Transfer-Encoding',
      bytes: `${head(`POST ${write} HTTP/1.1`, [host, auth, json, 'Content-Length: 3', 'Transfer-Encoding: chunked'])}0\r\n\r\n`,
    },
    {
      what: 'two Content-Lengths',
      bytes: `${head(`POST ${write} HTTP/1.1`, [host, auth, json, 'Content-Length: 1', 'Content-Length: 2'])}{}`,
    },
    {
      what: 'a Content-Length that is no number',
      bytes: `${head(`POST ${write} HTTP/1.1`, [host, auth, json, 'Content-Length: abc'])}{}`,
    },
    {
      what: 'a chunk size that is no number',
      bytes: `${head(`POST ${write} HTTP/1.1`, [host, auth, json, 'Transfer-Encoding: chunked'])}zz\r\n{}\r\n0\r\n\r\n`,
    },
    {
      what: 'a body in another charset',
      bytes: `${head(`POST ${write} HTTP/1.1`, [host, auth, `${json}; charset=utf-16`, `Content-Length: ${body.length}`, 'Connection: close'])}${body}`,
    },
    {
      what: 'a gzip body that is not gzip',
      bytes: `${head(`POST ${write} HTTP/1.1`, [host, auth, json, 'Content-Encoding: gzip', `Content-Length: ${body.length}`, 'Connection: close'])}${body}`,
    },
  ];
}

/**
 * Valid requests but for a header a server may ignore, past any client library: each must be answered
 * (SocketCase.mustAnswer). An `Expect` other than 100-continue: Node's server gives it to a listener when
 * one is registered, and a listener that does nothing leaves the request without an answer.
 */
export function ignorableHeaderCases(at: Pick<SocketTarget, 'read' | 'key'>): SocketCase[] {
  const head = `GET ${at.read} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${at.key}\r\n`;
  return [
    {
      what: 'an expectation the server does not know',
      bytes: `${head}Expect: x-vcert-unknown\r\nConnection: close\r\n\r\n`,
      mustAnswer: true,
    },
  ];
}

/**
 * Requests past any client library (the fixed ones, garbage, past the header limit, raw UTF-8 in the
 * URL), each refused by Node's HTTP parser or the first hook with problem+json.
 */
export function socketCases(at: SocketTarget): fc.Arbitrary<SocketCase> {
  const { read: path, key } = at;
  const head = (line: string, headers: string[]) => `${line}\r\n${headers.join('\r\n')}\r\n\r\n`;
  const host = 'Host: 127.0.0.1';
  const auth = `Authorization: Bearer ${key}`;
  const fixed = fc.constantFrom(...fixedSocketCases(at));
  const garbage = fc
    .string({ unit: 'binary-ascii', minLength: 1, maxLength: 60 })
    .map((s) => ({ what: `garbage ${JSON.stringify(s)}`, bytes: `${s.replace(/\r|\n/g, '')} X\r\n\r\n` }));
  const overflow = fc.integer({ min: 17_000, max: 40_000 }).chain((n) =>
    fc.constantFrom<SocketCase>(
      { what: `a URL of ${n} bytes`, bytes: head(`GET ${path}/${'a'.repeat(n)} HTTP/1.1`, [host, auth]) },
      {
        what: `a header of ${n} bytes`,
        bytes: head(`GET ${path} HTTP/1.1`, [host, auth, `X-Pad: ${'p'.repeat(n)}`]),
      },
    ),
  );
  const rawUtf8 = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
    .filter((s) => /[^\x20-\x7e]/.test(s))
    .map((s) => ({
      what: `raw UTF-8 in the URL ${JSON.stringify(s)}`,
      bytes: head(`GET ${path}/${Buffer.from(s, 'utf8').toString('latin1')} HTTP/1.1`, [host, auth]),
    }));
  return fc.oneof(fixed, garbage, overflow, rawUtf8);
}

/** An Authorization or Idempotency-Key header of the wrong shape on an otherwise valid request. */
export function headerCases(
  operationId: OperationId,
  valid: ValidRequest,
  keys: Partial<Record<Role, string>>,
): fc.Arbitrary<MalformedCase> | null {
  const route = routeOf(operationId);
  const body = valid.body === undefined ? undefined : JSON.stringify(valid.body);
  const headers = headersFor(route, keys)(body === undefined ? null : 'application/json');
  const path = pathOf(route, valid.params, valid.query);
  const authorizations = [
    '',
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    `Bearer ${'k'.repeat(5000)}`,
    'Bearer é',
  ];
  const keyed = route.access !== 'public' && route.access !== 'test-control';
  const cases: Array<fc.Arbitrary<MalformedCase>> = [];
  if (keyed)
    cases.push(
      fc.constantFrom(...authorizations).map((authorization) => ({
        operationId,
        what: `Authorization ${JSON.stringify(authorization.slice(0, 20))}`,
        request: {
          method: route.method,
          path,
          headers: { ...headers, authorization },
          ...(body ? { body } : {}),
        },
      })),
    );
  if (route.mutating)
    cases.push(
      fc.constantFrom('', ' ', 'é', 'a b', 'k'.repeat(256)).map((key) => ({
        operationId,
        what: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`,
        request: {
          method: route.method,
          path,
          headers: { ...headers, 'idempotency-key': key },
          ...(body ? { body } : {}),
        },
      })),
    );
  return cases.length > 0 ? fc.oneof(...cases) : null;
}

const servedPaths = routes.map((r) => new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`));

/** A path no route has (GET and POST): 404. */
export function unknownPathCases(keys: Partial<Record<Role, string>>): fc.Arbitrary<MalformedCase> {
  return fc
    .tuple(fc.webPath({ size: 'small' }), fc.constantFrom('GET', 'POST'))
    .filter(([path]) => path.startsWith('/') && !servedPaths.some((p) => p.test(path.split('?')[0] ?? '')))
    .map(([path, method]) => ({
      operationId: 'getVoucher' as OperationId,
      what: `${method} unknown path ${path}`,
      request: {
        method,
        path,
        headers: { authorization: `Bearer ${keys.pos ?? ''}`, 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{}' } : {}),
      },
    }));
}

/** Valid requests of the routes the negative fixture does not make: the service and test-control routes. */
export const serviceRequests: Partial<Record<OperationId, { reads: boolean; valid: ValidRequest }>> = {
  getCapabilities: { reads: true, valid: {} },
  getHealth: { reads: true, valid: {} },
  getTestClock: { reads: true, valid: {} },
  createTestTenant: { reads: false, valid: { body: { name: 'fuzz' } } },
  advanceTestClock: { reads: false, valid: { body: { advanceSeconds: 0 } } },
  runTestSweep: { reads: false, valid: { body: {} } },
  resetTestTenant: { reads: false, valid: { body: {} } },
};
