import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { handlers } from '../../reference-impl/http/handlers.ts';
import { routes } from '../../spec/routes/index.ts';
import { operationsOf, readCommitted } from './openapi-document.ts';

const doc = readCommitted();
const operations = operationsOf(doc);
/** Routes the HTTP layer serves itself rather than through a domain handler. */
const ownSurface = new Set(['service', 'test-control']);
/** Tags whose POST operations change vouchers or their setup, so a retry must be safe (RD-06). */
const stateChanging = new Set(['setup', 'lifecycle', 'redemption']);

describe('the route table and the document: operations', () => {
  test('every operationId is unique, in the route table and in the document', () => {
    const fromRoutes = routes.map((r) => r.operationId);
    assert.equal(new Set(fromRoutes).size, fromRoutes.length, 'duplicate operationId in spec/routes');
    const fromDoc = operations.map((o) => o.op.operationId);
    assert.equal(new Set(fromDoc).size, fromDoc.length, 'duplicate operationId in spec/openapi.json');
    assert.deepEqual(new Set(fromDoc), new Set(fromRoutes));
  });

  test('every mutating route requires an Idempotency-Key header (RD-06)', () => {
    const byId = new Map(operations.map((o) => [o.op.operationId, o.op]));
    const mutating = routes.filter((r) => r.mutating);
    assert.ok(mutating.length > 0);
    for (const route of mutating) {
      const header = byId
        .get(route.operationId)
        ?.parameters.find(
          (p: { in: string; name: string }) => p.in === 'header' && p.name === 'Idempotency-Key',
        );
      assert.ok(header, `${route.operationId} does not declare Idempotency-Key`);
      assert.equal(header.required, true, `${route.operationId}: Idempotency-Key must be required`);
      assert.ok(header.schema.minLength >= 1, route.operationId);
    }
  });

  test('every POST that changes setup, lifecycle or money is mutating; no GET is', () => {
    for (const route of routes) {
      if (route.method === 'GET') assert.equal(route.mutating, false, `${route.operationId} is a GET`);
      if (route.method === 'POST' && stateChanging.has(route.tag)) {
        assert.equal(route.mutating, true, `${route.operationId} changes state without an idempotency key`);
      }
    }
  });

  test("every route's handler exists in reference-impl/http/handlers.ts, unless it is a service or test-control route", () => {
    for (const route of routes) {
      if (ownSurface.has(route.tag)) continue;
      assert.equal(typeof handlers[route.operationId], 'function', `no handler for ${route.operationId}`);
    }
  });

  test('every handler serves a route of the contract', () => {
    const ids = new Set(routes.map((r) => r.operationId));
    for (const id of Object.keys(handlers)) assert.ok(ids.has(id), `handler ${id} has no route`);
  });

  test("the path's parameters are exactly the route's path parameters", () => {
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = op.parameters
        .filter((p: { in: string }) => p.in === 'path')
        .map((p: { name: string }) => p.name);
      assert.deepEqual(declared.sort(), inPath.sort(), `${op.operationId} ${path}`);
    }
  });

  test('GET operations take no body; bodies are required JSON', () => {
    for (const { method, op } of operations) {
      if (method === 'get') assert.equal(op.requestBody, undefined, op.operationId);
      else if (op.requestBody) {
        assert.equal(op.requestBody.required, true, op.operationId);
        assert.ok(op.requestBody.content['application/json'], op.operationId);
      }
    }
  });

  test('every operation has exactly one success response', () => {
    for (const { op } of operations) {
      const ok = Object.keys(op.responses).filter((s) => Number(s) >= 200 && Number(s) < 300);
      assert.equal(ok.length, 1, op.operationId);
    }
  });
});
