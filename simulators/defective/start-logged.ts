import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Faults } from '../../reference-impl/faults.ts';
import type { StartedTarget } from './defective-implementation.ts';

const entry = fileURLToPath(new URL('./serve-with-faults.ts', import.meta.url));

/**
 * Starts the reference implementation with the given faults in a child process whose output (the
 * server's log: a defective server's internal errors among it) goes to `logFile`, never to this
 * process's output. The child stops when `close()` is called or when this process goes away.
 */
export async function startLogged(
  faults: Faults,
  options: { databaseUrl?: string; logFile: string; startTimeoutMs?: number },
): Promise<StartedTarget> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(
    process.execPath,
    [entry, JSON.stringify(faults), ...(options.databaseUrl ? [options.databaseUrl] : [])],
    { env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = once(child, 'exit');
  child.stderr.pipe(log, { end: false });
  let seen = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the defective server did not start; see ${options.logFile}`));
    }, options.startTimeoutMs ?? 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] as string);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`the defective server exited (${code ?? signal}) before listening; see ${options.logFile}`),
      );
    });
  });
  return {
    url,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
      await once(log, 'close').catch(() => {});
    },
  };
}
