import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/**
 * `vcert serve` owns its PostgreSQL's life (issue 15): after a kill -9 the next start on the same data
 * directory starts (the watchdog stopped the server, or the start stops the orphan); a start that fails
 * (port in use, data directory in use, bad flags) is one line on stderr and exit code 2, and leaves no
 * PostgreSQL running. Every process started here is killed with its process group in `after`; the
 * servers' output goes to files in the scratch directory.
 */
const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'vcert-serve-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to enter the data directories.
chmodSync(scratch, 0o755);
const started: ChildProcess[] = [];
const listeners: Server[] = [];

after(async () => {
  for (const child of started) {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const l of listeners) l.close();
  // PostgreSQL may still be removing its files while its group dies.
  for (let i = 0; i < 20; i++) {
    try {
      rmSync(scratch, { recursive: true, force: true });
      break;
    } catch {
      await sleep(100);
    }
  }
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return port;
}

let logs = 0;

/** `vcert serve` in its own process group; stdout to a file, stderr kept for the test. */
function serve(...args: string[]) {
  const out = openSync(join(scratch, `serve-${++logs}.log`), 'w');
  const child = spawn(process.execPath, [main, 'serve', ...args], {
    detached: true,
    stdio: ['ignore', out, 'pipe'],
  });
  closeSync(out);
  started.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, stderr: () => stderr };
}

/** Polls GET /health, at most 600 times 100 ms apart. */
async function healthy(port: number): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

/** Living processes (not zombies) whose command line names `text`. */
function processesNaming(text: string): Array<{ pid: number; ppid: number; args: string }> {
  const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !m[3]?.startsWith('Z') && (m[4] ?? '').includes(text))
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[4] as string }));
}

/** The PostgreSQL server (postmaster) running on data directory `dir`, if any. */
const postgresOn = (dir: string) =>
  processesNaming(`${join(dir, 'pg')} `).filter((p) => /postgres/.test(p.args));

const oneLine = (stderr: string) => {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, stderr);
  assert.doesNotMatch(stderr, /^\s+at /m);
  return lines[0] as string;
};

describe('vcert serve and its PostgreSQL', () => {
  test('after kill -9 its PostgreSQL stops, and a start on the same data directory starts; stopped, none survives', async () => {
    const dir = join(scratch, 'killed');
    const port = await freePort();
    const first = serve('--port', String(port), '--data-dir', dir);
    assert.ok(await healthy(port), 'the first server answers /health');
    assert.equal(postgresOn(dir).length, 1);
    first.child.kill('SIGKILL');
    await first.exited;
    // Its watchdog stops PostgreSQL (polled at most 100 times, 100 ms apart).
    for (let i = 0; i < 100 && postgresOn(dir).length > 0; i++) await sleep(100);
    assert.deepEqual(postgresOn(dir), [], 'a killed server leaves no PostgreSQL running');

    const second = serve('--port', String(port), '--data-dir', dir);
    assert.ok(await healthy(port), `the second server answers /health: ${second.stderr()}`);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.stderr());
    assert.deepEqual(postgresOn(dir), []);
  });

  test('an orphan nothing stopped (watchdog killed too) is stopped by the next start; a live one is not taken', async () => {
    const dir = join(scratch, 'orphan');
    const port = await freePort();
    const first = serve('--port', String(port), '--data-dir', dir);
    assert.ok(await healthy(port));
    const watchdogs = processesNaming('vcert-watchdog').filter((p) => p.ppid === first.child.pid);
    assert.equal(watchdogs.length, 1);
    process.kill(watchdogs[0]?.pid as number, 'SIGKILL');
    first.child.kill('SIGKILL');
    await first.exited;
    const [orphan] = postgresOn(dir);
    assert.ok(orphan, 'the orphaned PostgreSQL server is still running');

    const second = serve('--port', String(port), '--data-dir', dir);
    assert.ok(await healthy(port), `the second server answers /health: ${second.stderr()}`);
    assert.ok(!postgresOn(dir).some((p) => p.pid === orphan.pid), 'the orphan was stopped');

    const third = serve('--port', String(await freePort()), '--data-dir', dir);
    assert.equal(await third.exited, 2);
    assert.match(oneLine(third.stderr()), /^vcert serve: could not start: data directory .* is in use/);
    assert.ok(await healthy(port), 'the running server was left alone');

    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.stderr());
    assert.deepEqual(postgresOn(dir), []);
  });

  test('a port in use: one line on stderr, exit code 2, no PostgreSQL left', async () => {
    const dir = join(scratch, 'busy');
    const port = await freePort();
    const taken = createServer();
    listeners.push(taken);
    await new Promise<void>((done) => taken.listen(port, '127.0.0.1', done));
    const run = serve('--port', String(port), '--data-dir', dir);
    assert.equal(await run.exited, 2);
    assert.equal(oneLine(run.stderr()), `vcert serve: port ${port} on 127.0.0.1 is already in use`);
    assert.deepEqual(postgresOn(dir), []);
  });

  test('bad flags: one line on stderr, exit code 2', async () => {
    for (const [flags, reason] of [
      [['--port', 'eighty'], /--port: not a port number: eighty/],
      [['--port', '70000'], /--port: not a port number: 70000/],
      [['--idempotency-retention', '-1'], /--idempotency-retention: not a positive number of hours: -1/],
      [['--bogus'], /unknown option '--bogus'/],
    ] as const) {
      const run = serve(...flags, '--data-dir', join(scratch, 'never'));
      assert.equal(await run.exited, 2, run.stderr());
      assert.match(oneLine(run.stderr()), reason);
    }
    assert.deepEqual(postgresOn(join(scratch, 'never')), []);
  });
});
