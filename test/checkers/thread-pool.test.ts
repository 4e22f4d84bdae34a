import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ThreadPool } from '../../src/checkers/columnar/thread-pool.ts';

const worker = (name: string) => new URL(`./workers/${name}.ts`, import.meta.url);
const chunk = { start: 0, first: true, breaks: 'newline' as const };
const goodLine = JSON.stringify({
  client: 'c',
  op: 'getBalance',
  voucher: 'v',
  args: {},
  key: null,
  invokedAt: 1,
  completedAt: 2,
  completion: 'ok',
  result: {},
});

/** The reason a call failed, checked to be one line. */
async function failure(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => assert.fail('the call should have failed'),
    (reason: Error) => reason,
  );
  assert.equal(error.message.split('\n').length, 1, error.message);
  return error.message;
}

describe('check thread pool', () => {
  it('a worker that cannot start fails its calls with one line, and later calls at once', async () => {
    const pool = new ThreadPool(1, worker('fails-at-start'));
    try {
      assert.match(await failure(pool.read(1, {})), /^check worker: cannot start$/);
      assert.match(await failure(pool.read(1, {})), /cannot start/);
    } finally {
      await pool.close();
    }
  });

  it('a worker that exits fails the call waiting on it', async () => {
    const pool = new ThreadPool(1, worker('exits'));
    try {
      assert.match(await failure(pool.read(1, {})), /^check worker stopped \(exit code 3\)$/);
    } finally {
      await pool.close();
    }
  });

  it('an error inside the real worker comes back as one line, and the pool still works', async () => {
    const pool = new ThreadPool(1);
    try {
      // A good line, but no columns to write it into: the worker's scan throws a TypeError.
      const bytes = new TextEncoder().encode(goodLine);
      const broken = { ...chunk, bytes, end: bytes.length, columns: undefined as never, base: 0 };
      assert.match(await failure(pool.read(1, { chunk: broken })), /^check worker: TypeError: /);
      const done = await pool.read(1, {});
      assert.deepEqual(done, {});
    } finally {
      await pool.close();
    }
  });

  it('claims every task once, on whichever thread is free, results in task order', async () => {
    const pool = new ThreadPool(1);
    try {
      const tasks = Array.from({ length: 64 }, (_, k) => (k % 2 === 0 ? {} : { ledgers: undefined }));
      const claimed = pool.claim<unknown>('read', tasks);
      const done = await claimed.join();
      assert.equal(done.length, 64);
      assert.deepEqual(
        done,
        Array.from({ length: 64 }, () => ({})),
      );
      assert.ok(
        claimed.slots.every((slot) => slot === 0 || slot === 1),
        claimed.slots.join(','),
      );
      // The worker claims on its own, without this thread handing it tasks: here, all of them.
      const alone = pool.claim<unknown>('read', tasks);
      await pool.cpuMs();
      await alone.join();
      assert.deepEqual(new Set(alone.slots), new Set([1]));
    } finally {
      await pool.close();
    }
  });

  it('a claimed task that fails in a worker fails the join with one line', async () => {
    const pool = new ThreadPool(1);
    try {
      const bytes = new TextEncoder().encode(goodLine);
      const broken = { chunk: { ...chunk, bytes, end: bytes.length, columns: undefined as never, base: 0 } };
      const claimed = pool.claim<unknown>('read', [broken]);
      await pool.cpuMs();
      assert.match(await failure(claimed.join()), /^check worker: TypeError: /);
    } finally {
      await pool.close();
    }
  });

  it('closes even when a worker never answers', async () => {
    const pool = new ThreadPool(1, worker('never-answers'));
    const waiting = failure(pool.read(1, {}));
    await pool.close();
    assert.match(await waiting, /^check worker stopped: the check was closed$/);
  });
});
