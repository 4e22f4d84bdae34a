import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** A running `vcert` (src/cli/main.ts on this Node): its output so far, and its end. */
export interface VcertProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Exit code (or 128 + signal number when a signal ended it) and the output. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `vcert ARGS` without DATABASE_URL (a bundled target gets its own embedded PostgreSQL). */
export function spawnVcert(args: readonly string[], cwd?: string): VcertProcess {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'));
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout: out,
    stderr: err,
  }));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs `vcert ARGS` to its end. */
export function runVcertToEnd(args: readonly string[], cwd?: string) {
  return spawnVcert(args, cwd).exited;
}

/** The non-empty lines of an output. */
export const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
