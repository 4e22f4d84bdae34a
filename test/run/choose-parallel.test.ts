import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { onLoopback, roundTripMs, workersFor } from '../../src/run/choose-parallel.ts';

describe('workers for a remote target', () => {
  it('runs serially below 10 ms, one worker per 6 ms above, at most 8', () => {
    assert.equal(workersFor(undefined), 0);
    assert.equal(workersFor(1), 0);
    assert.equal(workersFor(9.9), 0);
    assert.equal(workersFor(10), 2);
    assert.equal(workersFor(24), 4);
    assert.equal(workersFor(50), 8);
    assert.equal(workersFor(400), 8);
  });

  it('measures at least the delay of a target that answers late, and nothing of one that does not answer', async () => {
    const server = createServer((_req, res) => setTimeout(() => res.end('late'), 40));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const measured = await roundTripMs(`http://127.0.0.1:${port}/`);
      assert.ok(measured !== undefined && measured >= 39, String(measured));
      assert.ok(workersFor(measured) >= 7);
    } finally {
      server.close();
    }
    assert.equal(await roundTripMs(`http://127.0.0.1:${port}/`), undefined, 'closed: no answer');
  });

  it('knows what is this machine: loopback targets run in one process unless --parallel says otherwise', () => {
    for (const url of [
      'http://127.0.0.1:8080',
      'http://localhost',
      'http://[::1]:9',
      'https://127.5.0.1/api',
    ])
      assert.equal(onLoopback(url), true, url);
    for (const url of ['https://sandbox.vendor.example', 'http://10.0.0.7:8080', 'http://192.0.2.1'])
      assert.equal(onLoopback(url), false, url);
  });
});
