import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ContractViolation } from '../../src/contract/contract-violation.ts';
import { HttpDriver } from '../../src/driver/http-driver.ts';
import { strictDriver } from '../../src/driver/strict-driver.ts';
import { hold, holdId, holdInput, insufficient, voucherId } from './fixtures.ts';
import { type Stub, startStub } from './stub-server.ts';

describe('every answer of the HTTP driver is checked against the OpenAPI document', () => {
  let stub: Stub;
  const driver = new HttpDriver();
  const strict = strictDriver(driver);
  const holdCall = {
    operationId: 'createHold',
    params: { id: voucherId },
    body: holdInput,
    auth: { key: 'k' },
  } as const;
  /** Through the strict driver, as a scenario's step sees it: a breach throws ContractViolation. */
  const createHold = () => strict.invoke(holdCall);

  before(async () => {
    stub = await startStub();
    await driver.open({ target: stub.url });
  });
  after(async () => {
    await driver.close();
    await stub.close();
  });

  test('a conforming success passes', async () => {
    stub.answer({
      status: 201,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(hold()),
    });
    const answer = await createHold();
    assert.equal(answer.completion, 'ok');
    assert.equal(answer.completion === 'ok' && answer.body.id, holdId);
  });

  test('a conforming refusal passes and is a fail with its problem', async () => {
    stub.answer({ status: 409, contentType: 'application/problem+json', body: JSON.stringify(insufficient) });
    const answer = await createHold();
    assert.equal(answer.completion, 'fail');
    assert.equal(answer.completion === 'fail' && answer.problem.code, 'insufficient_balance');
  });

  test('the driver keeps an answer outside the contract as it came, with its violations (never throws)', async () => {
    stub.answer({ status: 500, contentType: 'text/html', body: '<h1>boom</h1>' });
    const broken = await driver.invoke(holdCall);
    assert.equal(broken.completion, 'fail');
    assert.equal(broken.completion === 'fail' && broken.status, 500);
    assert.equal(broken.completion === 'fail' && broken.problem.title, '<h1>boom</h1>');
    assert.match(broken.violations?.[0]?.message ?? '', /status 500 is not declared/);
    stub.answer({ status: 201, contentType: 'application/json', body: '{}' });
    const empty = await driver.invoke(holdCall);
    assert.equal(empty.completion, 'ok');
    assert.deepEqual(empty.completion === 'ok' && empty.body, {});
    assert.ok((empty.violations?.length ?? 0) > 0, 'an empty success is outside the contract');
  });

  test('a status the operation does not declare fails with the status', async () => {
    stub.answer({ status: 200, contentType: 'application/json', body: JSON.stringify(hold()) });
    await assert.rejects(createHold, (e: unknown) => {
      assert.ok(e instanceof ContractViolation);
      assert.equal(e.violations[0]?.path, 'status');
      assert.equal(e.violations[0]?.value, 200);
      assert.match(e.message, /status 200 is not declared for createHold/);
      return true;
    });
  });

  test('a 500 is never conforming', async () => {
    stub.answer({ status: 500, contentType: 'application/problem+json', body: '{"code":"internal_error"}' });
    await assert.rejects(createHold, /status 500 is not declared/);
  });

  test('a wrong content type fails with the content type', async () => {
    stub.answer({ status: 201, contentType: 'text/plain', body: JSON.stringify(hold()) });
    await assert.rejects(createHold, (e: unknown) => {
      assert.ok(e instanceof ContractViolation);
      assert.equal(e.violations[0]?.path, 'content-type');
      assert.equal(e.violations[0]?.value, 'text/plain');
      return true;
    });
  });

  test('a refusal sent as application/json instead of problem+json fails', async () => {
    stub.answer({ status: 409, contentType: 'application/json', body: JSON.stringify(insufficient) });
    await assert.rejects(createHold, /content type application\/json is not declared for createHold 409/);
  });

  test('a wrong body fails with the JSON path and the offending value', async () => {
    const bad = hold({ amount: { amount: '11.90', currency: 'EUR' } });
    stub.answer({ status: 201, contentType: 'application/json', body: JSON.stringify(bad) });
    await assert.rejects(createHold, (e: unknown) => {
      assert.ok(e instanceof ContractViolation);
      const v = e.violations.find((x) => x.path === 'body/amount/amount');
      assert.ok(v, `expected a violation at body/amount/amount, got ${e.message}`);
      assert.equal(v.value, '11.90');
      assert.match(e.message, /at body\/amount\/amount: must be integer; got "11.90"/);
      return true;
    });
  });

  test('an unknown field and a missing field are both reported', async () => {
    const { status: _, ...missing } = hold({ secret: 1 });
    stub.answer({ status: 201, contentType: 'application/json', body: JSON.stringify(missing) });
    await assert.rejects(createHold, (e: unknown) => {
      assert.ok(e instanceof ContractViolation);
      assert.match(e.message, /must NOT have additional properties \(secret\)/);
      assert.match(e.message, /must have required property 'status'/);
      return true;
    });
  });

  test('a refusal code that the operation does not declare fails', async () => {
    const wrong = { ...insufficient, code: 'template_capacity_exhausted' };
    stub.answer({ status: 409, contentType: 'application/problem+json', body: JSON.stringify(wrong) });
    await assert.rejects(createHold, /at body\/code: must be equal to one of the allowed values/);
  });

  test('a success without its body fails', async () => {
    stub.answer({ status: 201, contentType: 'application/json', body: '' });
    await assert.rejects(createHold, /at body: must be object; got undefined/);
  });

  test('an empty 204 where the contract declares no body passes', async () => {
    stub.answer({ status: 204 });
    const answer = await driver.invoke({ operationId: 'resetTestTenant', body: {}, auth: { key: 'k' } });
    assert.equal(answer.completion, 'ok');
  });
});
