import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpDriver } from '../../src/driver/http-driver.ts';
import { hold, holdInput, voucherId } from './fixtures.ts';
import { type Stub, startStub } from './stub-server.ts';

const capabilities = {
  contractVersion: '1.0.0',
  implementation: 'stub',
  capabilities: ['holds', 'test-control'],
  identifiers: ['number'],
  limits: { maxBodyBytes: 65536, maxAmount: 1e12, maxHoldTtlSeconds: 86400 },
};

describe('the HTTP driver', () => {
  let stub: Stub;
  const driver = new HttpDriver();

  before(async () => {
    stub = await startStub();
    await driver.open({ target: `${stub.url}/api/`, timeoutMs: 300, apiKeys: { pos: 'vendor-pos' } });
  });
  after(async () => {
    await driver.close();
    await stub.close();
  });

  test('fills the path, sends the key of the role and generates an Idempotency-Key', async () => {
    stub.answer({ status: 201, contentType: 'application/json', body: JSON.stringify(hold()) });
    await driver.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput });
    const seen = stub.requests.at(-1);
    assert.equal(seen?.method, 'POST');
    assert.equal(seen?.url, `/api/vouchers/${voucherId}/holds`);
    assert.equal(seen?.headers.authorization, 'Bearer vendor-pos');
    assert.match(String(seen?.headers['idempotency-key']), /^[0-9a-f-]{36}$/);
    assert.deepEqual(JSON.parse(seen?.body ?? ''), holdInput);
  });

  test('a caller-given Idempotency-Key is sent as is and returned with the answer', async () => {
    stub.answer({ status: 201, contentType: 'application/json', body: JSON.stringify(hold()) });
    const answer = await driver.invoke({
      operationId: 'createHold',
      params: { id: voucherId },
      body: holdInput,
      idempotencyKey: 'retry-42',
    });
    assert.equal(stub.requests.at(-1)?.headers['idempotency-key'], 'retry-42');
    assert.equal(answer.idempotencyKey, 'retry-42');
  });

  test('reads send no Idempotency-Key and encode the query', async () => {
    stub.answer({
      status: 404,
      contentType: 'application/problem+json',
      body: '{"type":"about:blank","title":"Not found","status":404,"code":"not_found"}',
    });
    const answer = await driver.invoke({ operationId: 'lookupVoucher', query: { barcode: 'A B&C' } });
    assert.equal(answer.completion, 'fail');
    assert.equal(stub.requests.at(-1)?.url, '/api/vouchers/lookup?barcode=A+B%26C');
    assert.equal(stub.requests.at(-1)?.headers['idempotency-key'], undefined);
  });

  test('capabilities outside the contract are not read: what is tested cannot be decided on them', async () => {
    const { limits: _, ...withoutLimits } = capabilities;
    stub.route('GET', '/api/capabilities', {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(withoutLimits),
    });
    const fresh = new HttpDriver();
    await fresh.open({ target: `${stub.url}/api`, apiKeys: { pos: 'vendor-pos' } });
    try {
      await assert.rejects(fresh.capabilities(), /cannot read capabilities.*limits/);
    } finally {
      await fresh.close();
    }
  });

  test('setup creates a tenant through test control and then uses its keys', async () => {
    const tenant = { tenantId: voucherId, keys: { pos: 'p1', webshop: 'w1', backoffice: 'b1' } };
    stub.route('GET', '/api/capabilities', {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(capabilities),
    });
    stub.route('POST', '/api/test/tenants', {
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify(tenant),
    });
    const scoped = new HttpDriver();
    await scoped.open({ target: `${stub.url}/api`, apiKeys: { pos: 'vendor-pos' } });
    const session = await scoped.setup();
    assert.deepEqual(session, { tenantId: voucherId, keys: tenant.keys, isolated: true });
    assert.equal(stub.requests.at(-1)?.headers.authorization, undefined, 'test control needs no key');
    stub.answer({ status: 201, contentType: 'application/json', body: JSON.stringify(hold()) });
    await scoped.invoke({
      operationId: 'createHold',
      params: { id: voucherId },
      body: holdInput,
      auth: { role: 'webshop' },
    });
    assert.equal(stub.requests.at(-1)?.headers.authorization, 'Bearer w1');
    await scoped.close();
  });

  test('a timeout is info, never a failure', async () => {
    stub.answer({ status: 200, hang: true });
    const answer = await driver.invoke({ operationId: 'getVoucher', params: { id: voucherId } });
    assert.equal(answer.completion, 'info');
    assert.match(answer.completion === 'info' ? answer.error : '', /Timeout/i);
  });

  test('an unreachable target is info', async () => {
    const lost = new HttpDriver();
    await lost.open({ target: 'http://127.0.0.1:9', timeoutMs: 300 });
    const answer = await lost.invoke({ operationId: 'getHealth' });
    await lost.close();
    assert.equal(answer.completion, 'info');
  });
});
