import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildOpenApi } from '../../spec/openapi.ts';
import { type Json, readCommitted } from './openapi-document.ts';

async function validate(doc: Json) {
  return new Validator().validate(doc);
}

/** Every "$ref" string anywhere in a document. */
function refsOf(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsOf(v, out);
    }
  }
  return out;
}

describe('spec/openapi.json is a valid OpenAPI 3.1 document', () => {
  test('the committed document validates against the OpenAPI 3.1 schema', async () => {
    const doc = readCommitted();
    assert.equal(doc.openapi, '3.1.0');
    const result = await validate(doc);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  test('so does the document built from code', async () => {
    assert.equal((await validate(JSON.parse(JSON.stringify(buildOpenApi())))).valid, true);
  });

  test('the validator does reject a broken copy (so the checks above can fail)', async () => {
    const broken = readCommitted();
    delete broken.info;
    const firstPath = Object.keys(broken.paths)[0] as string;
    broken.paths[firstPath].get = { responses: { 200: {} } }; // a response without its description
    const result = await validate(broken);
    assert.equal(result.valid, false);
  });

  test('every $ref points to a schema that the document defines', () => {
    const doc = readCommitted();
    const refs = refsOf(doc);
    assert.ok(refs.length > 0);
    for (const ref of new Set(refs)) {
      const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
      assert.ok(match, `unexpected $ref form ${ref}`);
      assert.ok(doc.components.schemas[match[1] as string], `${ref} is not defined`);
    }
  });
});
