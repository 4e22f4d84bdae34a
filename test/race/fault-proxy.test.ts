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

/** What reaches the target for each fault: the count the test waits for, never a time. */
const reaching: Record<FaultName | 'none', number> = {
  none: 1,
  delay: 1,
  dropRequest: 0,
  dropResponse: 1,
  duplicate: 2,
  reset: 0,
  unavailable: 0,
};

/**
 * Sends one POST through a proxy that always injects `fault`; returns what the client saw and how many
 * reached the target. The client waits as long as an answer takes (a busy machine is only slower), but
 * times out well before the proxy gives up on a request it holds (2.5 s) when the fault swallows it.
 */
async function through(fault: FaultName | 'none') {
  const proxy = await startFaultProxy({
    target,
    seed: 1,
    profile: { rates: fault === 'none' ? {} : { [fault]: 1 } },
    hangMs: 2500,
    delayMs: [1, 5],
  });
  const before = received;
  const swallowed = fault === 'dropRequest' || fault === 'dropResponse';
  try {
    const answer = await request(`${proxy.url}/x`, {
      method: 'POST',
      body: '{}',
      headersTimeout: swallowed ? 300 : 60_000,
      bodyTimeout: swallowed ? 300 : 60_000,
    }).then(
      async (res) => ({ status: res.statusCode, body: await res.body.text() }),
      (error: Error & { code?: string }) => ({ error: error.code ?? error.name }),
    );
    // The copies the proxy forwards may land after the answer: wait for as many as should arrive.
    for (let poll = 0; poll < 1000 && received - before < reaching[fault]; poll++)
      await new Promise((resolve) => setTimeout(resolve, 10));
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
