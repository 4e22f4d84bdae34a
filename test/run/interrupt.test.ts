import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch-dir.ts';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

describe('vcert run interrupted', () => {
  it('stops the bundled implementation, writes the summary and exits 130 on SIGINT', async () => {
    const reports = scratchDir('vcert-interrupt');
    const child = spawn(process.execPath, [main, 'run', '--reports', reports, '--progress', 'progress'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')),
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Interrupt once the first scenarios have run (the progress formatter prints a dot for each step).
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`the run never started: ${stdout} ${stderr}`)), 120_000);
      const watch = () => {
        if (((stdout + stderr).match(/\./g) ?? []).length > 20) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        watch();
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        watch();
      });
    });
    child.kill('SIGINT');
    const code = await Promise.race([
      exited,
      new Promise<'hung'>((done) => setTimeout(() => done('hung'), 60_000).unref()),
    ]);
    if (code === 'hung') child.kill('SIGKILL');
    assert.equal(code, 130, stderr.slice(-2000));
    assert.match(stderr, /interrupted \(SIGINT\): stopping the target/);
    assert.match(stdout, /the run was interrupted/);
    const summaryFile = join(reports, 'certification.json');
    assert.ok(existsSync(summaryFile), 'the summary was written');
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    assert.ok(summary.verdict.reasons.includes('the run was interrupted'));
  });
});
