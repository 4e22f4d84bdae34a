import fc from 'fast-check';
import type { Role } from '../../../spec/capabilities.ts';
import type { OperationId } from '../../driver/operation.ts';
import { pathOf, routeOf } from '../../driver/route-table.ts';
import { applyMutation, bodyMutation, describeMutation } from './body-mutation.ts';
import { headersFor, hostileCases, type MalformedCase } from './hostile-request.ts';
import type { ValidRequest } from './negative-fixture.ts';
import type { RawRequest } from './raw-request.ts';
import { satisfies } from './schema-validator.ts';

export type { MalformedCase } from './hostile-request.ts';

const json = 'application/json';

/**
 * Every way this harness spoils a request to one operation: a body that breaks the schema (checked
 * with the contract's own schema, so it really is invalid), broken JSON, an empty body, a wrong content
 * type, an oversize body, a path id that is no id (unicode included), a missing Idempotency-Key, and
 * issue 15's hostile paths, queries and methods (hostile-request.ts).
 */
export function malformedCase(
  operationId: OperationId,
  valid: ValidRequest,
  keys: Partial<Record<Role, string>>,
): fc.Arbitrary<MalformedCase> {
  const route = routeOf(operationId);
  const headers = headersFor(route, keys);
  const path = pathOf(route, valid.params, undefined);
  const text = JSON.stringify(valid.body);
  const make = (what: string, request: Omit<RawRequest, 'method'>): MalformedCase => ({
    operationId,
    what,
    request: { method: route.method, ...request },
  });
  const schema = route.body;
  const mutated = bodyMutation(valid.body)
    .map((m) => ({ m, body: applyMutation(valid.body, m) }))
    .filter(({ body }) => schema === undefined || !satisfies(schema, body))
    .map(({ m, body }) =>
      make(describeMutation(m), { path, headers: headers(json), body: JSON.stringify(body) }),
    );
  const cases: Array<fc.Arbitrary<MalformedCase>> = [
    mutated,
    fc
      .integer({ min: 1, max: Math.max(1, text.length - 1) })
      .map((cut) =>
        make(`broken JSON (cut at ${cut})`, { path, headers: headers(json), body: text.slice(0, cut) }),
      ),
    fc.constant(make('an empty body', { path, headers: headers(json), body: '' })),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
      )
      .map((ct) => make(`content type ${ct}`, { path, headers: headers(ct), body: text })),
    fc.integer({ min: 65 * 1024, max: 256 * 1024 }).map((size) =>
      make(`an oversize body (${size} bytes)`, {
        path,
        headers: headers(json),
        body: `{"pad":"${'x'.repeat(size)}"}`,
      }),
    ),
  ];
  if (route.mutating)
    cases.push(fc.constant(make('no Idempotency-Key', { path, headers: headers(json, false), body: text })));
  if (valid.params?.id) {
    const badId = fc.oneof(
      fc.constantFrom(
        'not-a-uuid',
        'ünïcødé-✓',
        '𝄞𝄞𝄞',
        '00000000-0000-0000-0000-00000000000g',
        "'; DROP TABLE vouchers;--",
      ),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    );
    cases.push(
      badId.map((id) =>
        make(`path id ${JSON.stringify(id)}`, {
          path: pathOf(route, { ...valid.params, id }, undefined),
          headers: headers(json),
          body: text,
        }),
      ),
    );
  }
  cases.push(...hostileCases(operationId, valid, keys));
  return fc.oneof(...cases);
}
