import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Driver } from '../../src/driver/driver.ts';
import { HttpDriver } from '../../src/driver/http-driver.ts';
import { EvidenceRecorder } from '../../src/evidence/evidence-recorder.ts';
import { transcriptOf } from '../../src/evidence/evidence-transcript.ts';
import { renderExchanges } from '../../src/evidence/render-exchanges.ts';
import { renderCurl } from '../../src/reproducers/render-curl.ts';
import { hold, holdId, holdInput, insufficient, voucherId } from '../driver/fixtures.ts';
import { type Stub, startStub } from '../driver/stub-server.ts';

const json = 'application/json';

describe('evidence of a scenario over HTTP', () => {
  let stub: Stub;
  let raw: HttpDriver;
  let recorder: EvidenceRecorder;
  let driver: Driver;

  before(async () => {
    stub = await startStub();
  });
  after(() => stub.close());

  const open = async () => {
    recorder = new EvidenceRecorder();
    raw = new HttpDriver();
    await raw.open({
      target: stub.url,
      timeoutMs: 300,
      apiKeys: { pos: 'vk_pos_secret-key-of-the-vendor' },
      onExchange: recorder.listener,
    });
    driver = recorder.wrap(raw);
  };

  test('an exchange keeps the request and the answer, with the key shown by its first characters', async () => {
    await open();
    recorder.nextStep('When the cashier holds 11.90 EUR', 'Action');
    stub.answer({ status: 201, contentType: json, body: JSON.stringify(hold()) });
    await driver.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput });
    const [exchange] = recorder.exchangesOf();
    assert.equal(exchange?.kind, 'http');
    if (exchange?.kind !== 'http') return;
    assert.equal(exchange.request.method, 'POST');
    assert.equal(exchange.request.url, `${stub.url}/vouchers/${voucherId}/holds`);
    assert.equal(exchange.request.auth, 'pos');
    assert.match(exchange.request.headers.authorization ?? '', /^Bearer vk_p.*\(redacted\)$/);
    assert.doesNotMatch(JSON.stringify(exchange), /secret-key-of-the-vendor/);
    assert.deepEqual(JSON.parse(exchange.request.body ?? ''), holdInput);
    assert.equal(exchange.response?.status, 201);
    assert.equal(JSON.parse(exchange.response?.body ?? '').id, holdId);
    const text = renderExchanges([exchange]);
    assert.match(text, /createHold: POST http:\/\/127\.0\.0\.1:\d+\/vouchers\/.+\/holds {3}\(key: pos\)/);
    assert.match(text, /→ 201 Created/);
    assert.doesNotMatch(text, /secret-key/);
    await raw.close();
  });

  test('a request whose answer never came is evidence too, with why', async () => {
    await open();
    recorder.nextStep('When the cashier holds 11.90 EUR', 'Action');
    stub.answer({ status: 201, hang: true });
    const answer = await driver.invoke({
      operationId: 'createHold',
      params: { id: voucherId },
      body: holdInput,
    });
    assert.equal(answer.completion, 'info');
    const [exchange] = recorder.exchangesOf();
    assert.ok(exchange?.kind === 'http' && exchange.response === undefined && exchange.error);
    assert.match(renderExchanges([exchange]), /→ no answer: /);
    await raw.close();
  });

  test('a failing outcome step shows the exchanges of the actions it judges', async () => {
    await open();
    stub.answer({ status: 201, contentType: json, body: JSON.stringify(hold()) });
    recorder.nextStep('Given a voucher', 'Context');
    await driver.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput });
    recorder.nextStep('When the cashier holds', 'Action');
    await driver.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput });
    recorder.nextStep('Then it is accepted', 'Outcome');
    recorder.nextStep('And the balance is 8.10 EUR', 'Outcome');
    const steps = recorder.evidenceSteps();
    assert.deepEqual(
      steps.map((s) => [s.step, s.exchanges.length]),
      [
        [2, 1],
        [3, 0],
        [4, 0],
      ],
    );
    await raw.close();
  });

  test('the transcript binds ids to the answers that gave them and sends racing requests together', async () => {
    await open();
    // Set-up before the first step (the session) is the reproducer's own business: left out.
    await driver.invoke({ operationId: 'getCapabilities' }).catch(() => undefined);
    recorder.nextStep('When two cashiers hold at once', 'Action');
    stub.answer({ status: 201, contentType: json, body: JSON.stringify(hold()) });
    await Promise.all([
      driver.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput }),
      driver.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput }),
    ]);
    recorder.nextStep('And the first captures', 'Action');
    stub.answer({ status: 409, contentType: 'application/problem+json', body: JSON.stringify(insufficient) });
    await driver.invoke({ operationId: 'captureHold', params: { id: holdId }, body: {} });
    const transcript = transcriptOf(recorder.entries, { driver: 'http', isolated: true, suffix: 'abc123' });
    const calls = transcript.steps.flatMap((s) => (s.kind === 'call' ? [s] : []));
    assert.deepEqual(
      calls.map((s) => [s.operationId, s.status]),
      [
        ['createHold', 201],
        ['createHold', 201],
        ['captureHold', 409],
      ],
    );
    assert.ok(calls[0]?.together !== undefined, 'the racing holds are one flight');
    assert.equal(calls[0]?.together, calls[1]?.together);
    assert.equal(calls[2]?.together, undefined, 'a request alone is sent alone');
    const [first, , capture] = transcript.steps;
    assert.ok(first?.kind === 'call' && capture?.kind === 'call');
    assert.deepEqual(capture.params, { id: holdId });
    assert.equal(capture.code, 'insufficient_balance');
    // The hold id the capture sends came from the first hold's answer: bound there, by jq.
    assert.deepEqual(first.binds, [{ name: 'HOLD_1', jq: '.id', value: holdId }]);
    const script = renderCurl(transcript, ['a test']);
    assert.match(script, /HOLD_1=\$\(jq -r '\.id' "\$BODY\.1"\)/);
    assert.match(script, /'\/holds\/'"\$\{HOLD_1\}"'\/capture'/);
    assert.match(script, /wait/);
    await raw.close();
  });

  test('requests to an unreachable address are left out of the reproducer; arrangement is the driver’s', async () => {
    await open();
    const elsewhere = new HttpDriver();
    await elsewhere.open({ target: 'http://127.0.0.1:9', timeoutMs: 300, onExchange: recorder.listener });
    const offline = recorder.wrap(elsewhere, 'unreachable');
    recorder.nextStep('When the cashier pays while offline', 'Action');
    await offline.invoke({ operationId: 'createHold', params: { id: voucherId }, body: holdInput });
    assert.equal(recorder.exchangesOf().length, 1, 'the evidence shows it');
    const transcript = transcriptOf(recorder.entries, { driver: 'http', isolated: true });
    assert.equal(transcript.steps.length, 0, 'the reproducer does not send it');
    await elsewhere.close();
    await raw.close();
  });
});
