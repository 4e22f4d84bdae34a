import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

interface ProcessInfo {
  alive: boolean;
  ppid: number;
  command: string;
}

const gone: ProcessInfo = { alive: false, ppid: 0, command: '' };

/** A process as the system shows it; a zombie counts as gone (it only waits to be reaped). */
function inspect(pid: number): ProcessInfo {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      return { alive: state !== 'Z' && state !== 'X', ppid: Number(ppid), command };
    } catch {
      return gone;
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'stat=,ppid=,command=', '-p', String(pid)], { encoding: 'utf8' });
    const [, state = '', ppid = '0', command = ''] = /^\s*(\S+)\s+(\d+)\s+(.*)$/.exec(out.trim()) ?? [];
    return { alive: !state.startsWith('Z'), ppid: Number(ppid), command };
  } catch {
    return gone;
  }
}

async function waitUntilGone(pid: number, polls: number): Promise<boolean> {
  for (let i = 0; i < polls; i++) {
    if (!inspect(pid).alive) return true;
    await sleep(100);
  }
  return !inspect(pid).alive;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Clears what a killed owner left in the data directory `pgDir` before a PostgreSQL server is started
 * there. `postmaster.pid` names the server that ran on it:
 *
 * - no such process (or a zombie): nothing to do, PostgreSQL replaces a stale lock file itself;
 * - another program now has that process id: the lock file is stale and removed;
 * - a PostgreSQL server on this directory whose parent is a live Node program: it is in use (another
 *   `vcert serve`, a test): refused with an error, nothing is touched;
 * - a PostgreSQL server on this directory whose owner is gone (kill -9): an orphan, stopped (fast
 *   shutdown, then immediate shutdown, then SIGKILL, each given a bounded number of polls).
 */
export async function clearOrphanPostmaster(pgDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(pgDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  const postmaster = inspect(pid);
  if (!postmaster.alive) return;
  if (!postmaster.command.includes('postgres') || !` ${postmaster.command} `.includes(` ${pgDir} `)) {
    log(`removing stale ${lockFile}: process ${pid} is not a PostgreSQL server on it`);
    rmSync(lockFile, { force: true });
    return;
  }
  const owner = inspect(postmaster.ppid);
  const ownerProgram = owner.command.split(' ')[0] ?? '';
  if (owner.alive && /(^|\/)(node|nodejs|bun|deno)(\.exe)?$/.test(ownerProgram)) {
    throw new Error(
      `data directory ${pgDir} is in use: its PostgreSQL server (process ${pid}) belongs to the running process ${postmaster.ppid}; stop that one or choose another data directory`,
    );
  }
  log(`stopping the orphaned PostgreSQL server (process ${pid}) left on ${pgDir}`);
  for (const [name, polls] of [
    ['SIGINT', 100],
    ['SIGQUIT', 50],
    ['SIGKILL', 50],
  ] as const) {
    signal(pid, name);
    if (await waitUntilGone(pid, polls)) return;
  }
  throw new Error(`the orphaned PostgreSQL server (process ${pid}) on ${pgDir} did not stop`);
}
