import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ThreadPool } from '../../src/checkers/columnar/thread-pool.ts';

const worker = (name: string) => new URL(`./workers/${name}.ts`, import.meta.url);
const chunk = { start: 0, first: true, breaks: 'newline' as const };

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
      const line = JSON.stringify({
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
      const bytes = new TextEncoder().encode(line);
      const broken = { ...chunk, bytes, end: bytes.length, columns: undefined as never, base: 0 };
      assert.match(await failure(pool.read(1, { chunk: broken })), /^check worker: TypeError: /);
      const done = await pool.read(1, {});
      assert.deepEqual(done, {});
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
