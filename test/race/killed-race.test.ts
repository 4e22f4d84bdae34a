import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../../reference-impl/server.ts';
import { startReferenceServer } from '../support/reference-server.ts';
import { runVcert } from './race-support.ts';

/**
 * A race killed with SIGKILL leaves a history that `vcert check` reads and judges: the history is on
 * disk line by line as the race goes. The race runs in its own process group against a reference
 * server of this process, and the whole group is killed, so nothing is left running.
 */
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/**
 * Kill once the history holds this many lines (the meta line and operations), however long the race
 * takes to get there: it runs until then (its own bounds, 100 000 operations or 120 s, are far away).
 */
const linesBeforeKill = 40;

let server: RunningServer;
let scratch: string;
before(async () => {
  server = await startReferenceServer();
  scratch = mkdtempSync(join(tmpdir(), 'vcert-killed-race-'));
});
after(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const linesOf = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '').length
    : 0;

/** Whether any process of the group is still there (signal 0 only asks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

test('vcert race killed with SIGKILL mid-run: vcert check still gives a verdict', async (t) => {
  const out = join(scratch, 'race');
  const history = join(out, 'history.ndjson');
  const race = spawn(
    process.execPath,
    [
      cli,
      'race',
      '--target',
      server.url,
      '--out',
      out,
      '--terminals',
      '4',
      '--webshops',
      '1',
      '--ops',
      '100000',
      '--seconds',
      '120',
      '--seed',
      '9',
    ],
    { detached: true, stdio: 'ignore' },
  );
  const exited = once(race, 'exit');
  const pgid = race.pid as number;
  try {
    let lines = 0;
    while (lines < linesBeforeKill) {
      await sleep(50);
      lines = linesOf(history);
      assert.equal(race.exitCode, null, `the race ended before its history reached ${linesBeforeKill} lines`);
    }
  } finally {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  }
  const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  assert.equal(signal, 'SIGKILL');
  let alive = groupAlive(pgid);
  for (let poll = 0; poll < 100 && alive; poll++) {
    await sleep(20);
    alive = groupAlive(pgid);
  }
  assert.equal(alive, false, 'no process of the race is left');
  assert.equal(existsSync(join(out, 'ledgers.json')), false, 'the race never reached its end');

  const checked = await runVcert(['check', history]);
  const printed = checked.stdout + checked.stderr;
  assert.ok(checked.code === 0 || checked.code === 1, `exit ${checked.code}: ${printed}`);
  assert.match(checked.stdout, /^\d+ operations: (valid|INVALID|UNKNOWN)/m, printed);
  assert.doesNotMatch(printed, /^\s+at /m, 'no stack trace');
  const operations = Number(/^(\d+) operations:/m.exec(checked.stdout)?.[1]);
  assert.ok(operations >= linesBeforeKill - 2, `${operations} operations checked`);
  t.diagnostic(`vcert check exit ${checked.code}: ${checked.stdout.split('\n').slice(0, 8).join(' | ')}`);
});
