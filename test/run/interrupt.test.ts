import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch-dir.ts';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

describe('vcert run interrupted', () => {
  it('stops the bundled implementation, writes the summary, records what did not run as not run, exits 130 on SIGINT', async () => {
    const reports = scratchDir('vcert-interrupt');
    const child = spawn(process.execPath, [main, 'run', '--reports', reports, '--progress', 'progress'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')),
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Interrupt once the first scenarios have run (the progress formatter prints a dot for each step),
    // however long that takes; a run that ends before is a failure.
    await new Promise<void>((ready, fail) => {
      child.once('exit', (code) => fail(new Error(`the run ended (${code}) first: ${stdout} ${stderr}`)));
      const watch = () => {
        if (((stdout + stderr).match(/\./g) ?? []).length > 20) ready();
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
    // A backstop against a hang only (a prompt stop takes a second or two): never what the test judges.
    const code = await Promise.race([
      exited,
      new Promise<'hung'>((done) => setTimeout(() => done('hung'), 300_000).unref()),
    ]);
    if (code === 'hung') child.kill('SIGKILL');
    assert.equal(code, 130, stderr.slice(-2000));
    assert.match(stderr, /interrupted \(SIGINT\): stopping the run/);
    assert.match(stdout, /the run was interrupted/);
    const summaryFile = join(reports, 'certification.json');
    assert.ok(existsSync(summaryFile), 'the summary was written');
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    assert.ok(summary.verdict.reasons.includes('the run was interrupted'));
    assert.equal(summary.verdict.exitCode, 2, 'its sealed verdict: the run could not take place');
    assert.equal(summary.totals.scenarios.failed, 0, 'what the stop cut off or never ran is not a failure');
    assert.ok(summary.totals.scenarios['not-run'] > 0, 'what did not run is not run');
  });
});
