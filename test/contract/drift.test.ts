import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOpenApi } from '../../spec/openapi.ts';
import { firstDifference, readCommitted } from './openapi-document.ts';

test('the committed spec/openapi.json is what the schemas in code generate', () => {
  const built = JSON.parse(JSON.stringify(buildOpenApi()));
  const committed = readCommitted();
  const at = firstDifference(built, committed);
  assert.equal(
    at,
    null,
    `spec/openapi.json differs from buildOpenApi() at ${at}: run \`npm run spec\` and commit it`,
  );
  assert.deepEqual(committed, built);
});

test('firstDifference finds where two documents part', () => {
  assert.equal(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } }), '/a/b/1');
  assert.equal(firstDifference({ paths: { '/x/{id}': 1 } }, { paths: {} }), '/paths/~1x~1{id}');
  assert.equal(firstDifference({ a: 1 }, { a: 1 }), null);
});

test('the committed adapter kit contract (adapter/contract.js, .d.ts) is what spec/ generates', async () => {
  const { readFile } = await import('node:fs/promises');
  const { adapterContractModule, adapterContractTypes } = await import('../../spec/adapter-contract.ts');
  const committed = (file: string) => readFile(new URL(`../../adapter/${file}`, import.meta.url), 'utf8');
  assert.equal(await committed('contract.js'), adapterContractModule(), 'run `npm run spec` and commit it');
  assert.equal(await committed('contract.d.ts'), adapterContractTypes(), 'run `npm run spec` and commit it');
});
