import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCatalog, errorCodes, statusOf } from '../../spec/errors.ts';
import { routes } from '../../spec/routes/index.ts';
import { declaredCodes, operationsOf, readCommitted } from './openapi-document.ts';

const doc = readCommitted();
const catalog = new Set<string>(errorCodes);

/**
 * Catalog codes that no operation declares, each with the reason. Any other catalog code must be declared
 * by at least one operation, and these must not be (or they leave this list).
 */
const undeclaredByDesign: Record<string, string> = {
  method_not_allowed: 'answered for a path without that method, so there is no operation to declare it on',
  internal_error: 'never conformant: an answer with it is a failure whatever the operation',
};

function referencedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const { op } of operationsOf(doc)) for (const code of declaredCodes(op).keys()) codes.add(code);
  return codes;
}

describe('the error catalog (spec/errors.ts) and the OpenAPI document agree', () => {
  test('every catalog entry has a 4xx or 5xx status, a title and a meaning', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      assert.ok(Number.isInteger(entry.status) && entry.status >= 400 && entry.status <= 599, code);
      assert.ok(entry.title.length > 0 && entry.meaning.length > 0, code);
      assert.match(code, /^[a-z][a-z0-9_]*$/, `${code} is not a stable snake_case code`);
    }
  });

  test('statusOf reads the catalog', () => {
    assert.equal(statusOf('insufficient_balance'), 409);
    assert.equal(statusOf('idempotency_key_reused'), 422);
    assert.equal(statusOf('not_found'), 404);
  });

  test('the document carries the catalog unchanged in x-error-catalog', () => {
    assert.deepEqual(doc['x-error-catalog'], JSON.parse(JSON.stringify(errorCatalog)));
  });

  test('the Problem schema code enum is exactly the catalog', () => {
    const problem = doc.components.schemas.Problem;
    assert.deepEqual(new Set(problem.properties.code.enum), catalog);
    assert.ok(problem.required.includes('code'));
    assert.equal(problem.properties.status.minimum, 400);
  });

  test('every code an operation declares is in the catalog, under the catalog status', () => {
    for (const { method, path, op } of operationsOf(doc)) {
      for (const [code, status] of declaredCodes(op)) {
        assert.ok(catalog.has(code), `${method.toUpperCase()} ${path} declares ${code}, not in the catalog`);
        assert.equal(status, statusOf(code as never), `${op.operationId} declares ${code} under ${status}`);
      }
    }
  });

  test('the catalog and the codes the operations reference are the same set', () => {
    const referenced = referencedCodes();
    for (const code of catalog) {
      if (code in undeclaredByDesign) {
        assert.ok(!referenced.has(code), `${code} is declared now: take it off undeclaredByDesign`);
      } else {
        assert.ok(referenced.has(code), `${code} is in the catalog but no operation declares it`);
      }
    }
    for (const code of referenced) assert.ok(catalog.has(code), `${code} is referenced but not catalogued`);
  });

  test("every route's own refusals (spec/routes) are declared on its operation in the document", () => {
    const byId = new Map(operationsOf(doc).map((o) => [o.op.operationId, o.op]));
    for (const route of routes) {
      const op = byId.get(route.operationId);
      assert.ok(op, `${route.operationId} is missing from the document`);
      const declared = declaredCodes(op);
      for (const code of route.errors) assert.ok(declared.has(code), `${route.operationId} lacks ${code}`);
    }
  });

  test('every error response is application/problem+json built on the Problem schema', () => {
    for (const { op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses as Record<string, { content?: object }>)) {
        if (Number(status) < 400) continue;
        const content = response.content as Record<string, { schema: { allOf: { $ref?: string }[] } }>;
        assert.deepEqual(Object.keys(content), ['application/problem+json'], `${op.operationId} ${status}`);
        assert.equal(
          content['application/problem+json']?.schema.allOf[0]?.$ref,
          '#/components/schemas/Problem',
        );
      }
    }
  });

  test('a redeem-entire system may answer amount_must_be_entire where it redeems', () => {
    const byId = new Map(operationsOf(doc).map((o) => [o.op.operationId, o.op]));
    for (const id of ['createHold', 'captureHold', 'redeem']) {
      assert.ok(declaredCodes(byId.get(id)).has('amount_must_be_entire'), id);
    }
  });
});
