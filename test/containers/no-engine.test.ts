import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { containerEngineProblem } from '../../src/containers/engine-problem.ts';
import { scratchDir } from '../run/scratch-dir.ts';

/** Without a reachable engine, `vcert run --image` says so in one line and exits 2; nothing starts. */
const root = resolve(import.meta.dirname, '../..');
const missingSocket = 'unix:///nonexistent/vcert-test/docker.sock';

const vcert = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ['src/cli/main.ts', ...args],
      { cwd: root, env, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });

describe('no container engine', () => {
  it('vcert run --image prints one line naming DOCKER_HOST and exits 2', async () => {
    const reports = scratchDir('vcert-no-engine');
    const { TESTCONTAINERS_HOST_OVERRIDE: _, ...env } = process.env;
    const { code, stdout, stderr } = await vcert(
      ['run', '--image', 'localhost/vcert-reference:latest', '--reports', reports, '--progress', 'none'],
      { ...env, DOCKER_HOST: missingSocket },
    );
    assert.equal(code, 2);
    assert.equal(stdout, '');
    const lines = stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, stderr);
    assert.match(
      lines[0] ?? '',
      /^vcert run: no container engine reachable at DOCKER_HOST=unix:\/\/\/nonexistent\/vcert-test\/docker\.sock: set DOCKER_HOST to a Docker or Podman API socket/,
    );
  });

  it('reports the problem as data, with the unset variable named', async () => {
    const env: NodeJS.ProcessEnv = { DOCKER_HOST: missingSocket };
    assert.match((await containerEngineProblem(env)) ?? '', /DOCKER_HOST=unix:\/\/\/nonexistent/);
    assert.equal(env.TESTCONTAINERS_RYUK_DISABLED, 'true');
    assert.equal(env.TESTCONTAINERS_HOST_OVERRIDE, '127.0.0.1');
  });

  it('rejects a bad --env before looking for an engine', async () => {
    const { code, stderr } = await vcert(['run', '--image', 'x', '--env', 'NOVALUE', '--progress', 'none'], {
      ...process.env,
      DOCKER_HOST: missingSocket,
    });
    assert.equal(code, 2);
    assert.match(stderr, /^vcert run: --env NOVALUE: expected KEY=VALUE\n$/);
  });
});
