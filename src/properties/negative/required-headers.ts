import type { Role } from '../../../spec/capabilities.ts';
import type { OperationId } from '../../driver/operation.ts';
import { pathOf, routeOf } from '../../driver/route-table.ts';
import { headersFor, type MalformedCase } from './hostile-request.ts';
import type { ValidRequest } from './negative-fixture.ts';

/** What a header sweep case leaves out or spoils, by the header it is about. */
export type HeaderFault =
  | 'no Authorization'
  | 'an unknown key'
  | 'Authorization not Bearer'
  | 'no Idempotency-Key'
  | 'a wrong Content-Type'
  | 'no Content-Type';

/**
 * Every header the contract requires of one operation, each left out or wrong on its otherwise valid
 * request, exhaustively (not sampled): the key (`Authorization: Bearer`, on every route with roles),
 * the `Idempotency-Key` (on every mutating route, as `spec/openapi.json` requires it) and the JSON content
 * type (on every route with a body). Each names the status the contract gives it: 401, 400
 * (`idempotency_key_missing`), 415.
 */
export function requiredHeaderCases(
  operationId: OperationId,
  valid: ValidRequest,
  keys: Partial<Record<Role, string>>,
): MalformedCase[] {
  const route = routeOf(operationId);
  const headers = headersFor(route, keys);
  const body = valid.body === undefined ? undefined : JSON.stringify(valid.body);
  const json = body === undefined ? null : 'application/json';
  const path = pathOf(route, valid.params, valid.query);
  const make = (
    what: HeaderFault,
    status: number,
    set: Record<string, string | undefined>,
  ): MalformedCase => {
    const all: Record<string, string | undefined> = { ...headers(json), ...set };
    const kept = Object.fromEntries(
      Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined),
    );
    return {
      operationId,
      what,
      status,
      request: { method: route.method, path, headers: kept, ...(body === undefined ? {} : { body }) },
    };
  };
  const cases: MalformedCase[] = [];
  if (Array.isArray(route.access))
    cases.push(
      make('no Authorization', 401, { authorization: undefined }),
      make('an unknown key', 401, { authorization: 'Bearer vk_unknown_0000000000' }),
      make('Authorization not Bearer', 401, { authorization: 'Basic dXNlcjpwYXNz' }),
    );
  if (route.mutating) cases.push(make('no Idempotency-Key', 400, { 'idempotency-key': undefined }));
  if (route.body !== undefined)
    cases.push(
      make('a wrong Content-Type', 415, { 'content-type': 'text/plain' }),
      make('no Content-Type', 415, { 'content-type': undefined }),
    );
  return cases;
}
