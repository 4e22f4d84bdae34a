import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import { type FaultName, ratesAt } from '../../simulators/faults/fault-profiles.ts';
import { startFaultProxy } from '../../simulators/faults/fault-proxy.ts';

let upstream: Server;
let target = '';
let received = 0;

before(async () => {
  upstream = createServer((req, res) => {
    received += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ seen: received }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

/** Sends one POST through a proxy that always injects `fault`; returns what the client saw and how many reached the target. */
async function through(fault: FaultName | 'none') {
  const proxy = await startFaultProxy({
    target,
    seed: 1,
    profile: { rates: fault === 'none' ? {} : { [fault]: 1 } },
    hangMs: 2500,
    delayMs: [1, 5],
  });
  const before = received;
  try {
    const answer = await request(`${proxy.url}/x`, {
      method: 'POST',
      body: '{}',
      headersTimeout: 300,
      bodyTimeout: 300,
    }).then(
      async (res) => ({ status: res.statusCode, body: await res.body.text() }),
      (error: Error & { code?: string }) => ({ error: error.code ?? error.name }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { answer, reached: received - before, counts: proxy.counts };
  } finally {
    await proxy.close();
  }
}

describe('fault-injecting proxy', () => {
  test('passes a request through untouched without faults', async () => {
    const { answer, reached } = await through('none');
    assert.equal(reached, 1);
    assert.equal((answer as { status: number }).status, 200);
  });
  test('delay still delivers once', async () => {
    const { answer, reached, counts } = await through('delay');
    assert.equal(reached, 1);
    assert.equal((answer as { status: number }).status, 200);
    assert.equal(counts.delay, 1);
  });
  test('drop the request: the target never sees it, the client times out', async () => {
    const { answer, reached } = await through('dropRequest');
    assert.equal(reached, 0);
    assert.match((answer as { error: string }).error, /TIMEOUT/);
  });
  test('drop the answer: the target acted, the client times out', async () => {
    const { answer, reached } = await through('dropResponse');
    assert.equal(reached, 1);
    assert.match((answer as { error: string }).error, /TIMEOUT/);
  });
  test('duplicate: the target sees the request twice, the client one answer', async () => {
    const { answer, reached } = await through('duplicate');
    assert.equal(reached, 2);
    assert.equal((answer as { status: number }).status, 200);
  });
  test('reset: the connection is cut before the target sees anything', async () => {
    const { answer, reached } = await through('reset');
    assert.equal(reached, 0);
    assert.ok('error' in answer, JSON.stringify(answer));
  });
  test('unavailable: 503 problem, the target never sees it', async () => {
    const { answer, reached } = await through('unavailable');
    assert.equal(reached, 0);
    assert.equal((answer as { status: number }).status, 503);
  });
  test('a timeline switches the rates during its periods only', () => {
    const profile = { rates: { delay: 0.1 }, timeline: [{ fromMs: 100, toMs: 200, rates: { reset: 1 } }] };
    assert.deepEqual(ratesAt(profile, 50), { delay: 0.1 });
    assert.deepEqual(ratesAt(profile, 150), { reset: 1 });
    assert.deepEqual(ratesAt(profile, 200), { delay: 0.1 });
  });
});
