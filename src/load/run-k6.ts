import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface K6Process {
  k6: string;
  args: string[];
  env: Record<string, string>;
  /** k6's console output (its end-of-test summary, logs) goes here. */
  logPath: string;
  /** Also echo k6's output to this process's stdout. */
  echo?: boolean;
  /** Stops k6 (an interrupt, the time limit): SIGTERM, which lets it write what it has; SIGKILL if it lingers. */
  signal?: AbortSignal;
}

/** How long a stopped k6 may take to write its output and exit before it is killed. */
const stopGraceMs = 10_000;

/** k6's exit code for failed thresholds; any other non-zero code is an error of the run itself. */
export const thresholdsFailedExit = 99;

/** Runs one k6 process to its end and resolves with its exit code. */
export async function runK6(run: K6Process): Promise<number> {
  const log = createWriteStream(run.logPath);
  const child = spawn(run.k6, run.args, {
    env: { ...process.env, K6_NO_USAGE_REPORT: 'true', ...run.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (run.echo) stream.pipe(process.stdout, { end: false });
  }
  let killer: NodeJS.Timeout | undefined;
  const stop = () => {
    child.kill('SIGTERM');
    killer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
  };
  if (run.signal?.aborted) stop();
  else run.signal?.addEventListener('abort', stop, { once: true });
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  clearTimeout(killer);
  run.signal?.removeEventListener('abort', stop);
  log.end();
  await once(log, 'finish');
  return code ?? (signal ? 128 : 1);
}

/** The thresholds a script declares, from `k6 inspect` (the JSON output lists only some of them). */
export async function inspectThresholds(
  k6: string,
  script: string,
  env: Record<string, string>,
): Promise<Record<string, string[]>> {
  const child = spawn(k6, ['inspect', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`k6 inspect ${script} failed (${code}): ${err.trim()}`);
  return (JSON.parse(out) as { thresholds?: Record<string, string[]> }).thresholds ?? {};
}
