import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Role } from '../../../spec/capabilities.ts';
import { routes } from '../../../spec/routes/index.ts';
import type { Route } from '../../../spec/routes/route.ts';
import type { OperationId } from '../../driver/operation.ts';
import { defaultRole, pathOf, routeOf } from '../../driver/route-table.ts';
import type { ValidRequest } from './negative-fixture.ts';
import type { RawRequest } from './raw-request.ts';

/** A generated bad request, with a line that says what is wrong with it. */
export interface MalformedCase {
  operationId: OperationId;
  what: string;
  request: RawRequest;
  /** The status the contract names for this fault, when it names one (401 without a key …). */
  status?: number;
  /** The JSON pointer of the one field spoilt, which a validation_failed refusal must list in `errors`. */
  pointer?: string;
}

/** The headers of a request to a route: its role's key, an Idempotency-Key when it mutates, a content type. */
export function headersFor(route: Route, keys: Partial<Record<Role, string>>) {
  const role = defaultRole(route) ?? 'pos';
  return (contentType: string | null, idempotent = true): Record<string, string> => ({
    authorization: `Bearer ${keys[role] ?? ''}`,
    accept: 'application/json, application/problem+json',
    ...(idempotent && route.mutating ? { 'idempotency-key': randomUUID() } : {}),
    ...(contentType ? { 'content-type': contentType } : {}),
  });
}

const probedMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Methods no operation of the contract has on this route's path. */
function otherMethods(route: Route): string[] {
  const served = new Set(routes.filter((r) => r.path === route.path).map((r) => r.method));
  return probedMethods.filter((m) => !served.has(m as 'GET'));
}

/** Ids that name nothing, made of the real one: a prefix, the braces or bare hex PostgreSQL would accept, padding. */
const relatives = (id: string) =>
  [`urn:uuid:${id}`, `{${id}}`, id.replaceAll('-', ''), ` ${id}`, `${id} `, `id:${id}`].filter(
    (x) => x !== id,
  );

/** Percent-encoding that decodes to nothing (RFC 3986), or to bytes that are not UTF-8 (a CESU-8 surrogate). */
const badEncodings = ['%E0%A4%A', '%', '%zz', '%ED%A0%80', '%C0%AF', '%FF'];

const leapSecond = '2016-12-31T23:59:60Z';

interface QueryProperty {
  type?: string;
  format?: string;
}

/**
 * Issue 15's classes for one operation, all sent with its otherwise valid request: a method the path
 * does not have; a path id that names nothing (a prefix, braces, no hyphens), holds a NUL, is not
 * percent-encoding or is longer than the contract's 255; a query value with a NUL, a leap second or bad
 * percent-encoding. Each must be a 4xx problem+json that changes nothing.
 */
export function hostileCases(
  operationId: OperationId,
  valid: ValidRequest,
  keys: Partial<Record<Role, string>>,
): Array<fc.Arbitrary<MalformedCase>> {
  const route = routeOf(operationId);
  const headers = headersFor(route, keys);
  const text = valid.body === undefined ? undefined : JSON.stringify(valid.body);
  const contentType = text === undefined ? null : 'application/json';
  const search = pathOf(route, valid.params, valid.query).split('?')[1];
  const withId = (rawId: string, query = search) => {
    const path = route.path.replace('{id}', rawId);
    return query ? `${path}?${query}` : path;
  };
  const make = (what: string, request: Partial<RawRequest>): MalformedCase => ({
    operationId,
    what,
    request: {
      method: route.method,
      path: withId(valid.params?.id === undefined ? '' : encodeURIComponent(valid.params.id)),
      headers: headers(contentType),
      ...(text === undefined ? {} : { body: text }),
      ...request,
    },
  });
  const cases: Array<fc.Arbitrary<MalformedCase>> = [];
  const methods = otherMethods(route);
  if (methods.length > 0)
    cases.push(fc.constantFrom(...methods).map((method) => make(`method ${method}`, { method })));
  const id = valid.params?.id;
  if (id !== undefined) {
    cases.push(
      fc
        .constantFrom(...relatives(id), `${id}\u0000`, '\u0000')
        .map((other) =>
          make(`path id ${JSON.stringify(other)}`, { path: withId(encodeURIComponent(other)) }),
        ),
      fc
        .constantFrom(...badEncodings, `${encodeURIComponent(id)}%`)
        .map((raw) => make(`path id with bad percent-encoding ${raw}`, { path: withId(raw) })),
      fc
        .integer({ min: 256, max: 8000 })
        .map((n) => make(`a path id of ${n} characters`, { path: withId('a'.repeat(n)) })),
    );
  }
  const properties = (route.query?.properties ?? {}) as Record<string, QueryProperty>;
  const strings = Object.entries(properties).filter(([, s]) => s.type === 'string');
  if (strings.length > 0) {
    const keep = (name: string) => {
      const rest = Object.fromEntries(Object.entries(valid.query ?? {}).filter(([k]) => k !== name));
      return pathOf(route, valid.params, rest).split('?')[1];
    };
    const base = (name: string, value: string) => [keep(name), `${name}=${value}`].filter(Boolean).join('&');
    const param = valid.params?.id === undefined ? '' : encodeURIComponent(valid.params.id);
    cases.push(
      fc
        .constantFrom(...strings)
        .chain(([name, schema]) =>
          fc
            .constantFrom(
              ...(schema.format === 'date-time' ? [leapSecond] : []),
              `${encodeURIComponent(String(valid.query?.[name] ?? 'x'))}%00`,
              ...badEncodings,
            )
            .map((value) => make(`query ${name}=${value}`, { path: withId(param, base(name, value)) })),
        ),
    );
  }
  return cases;
}
