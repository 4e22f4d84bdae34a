import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface ServerChild {
  url: string;
  databaseUrl: string;
  pid: number;
  /** CPU time (user + system, ms) the server process has used so far. */
  cpuMs(): Promise<number>;
  /** Starts the V8 sampling profiler inside the server process. */
  startProfile(): Promise<void>;
  /** Stops it and writes the .cpuprofile to `path`. */
  stopProfile(path: string): Promise<void>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/**
 * Starts the reference implementation in a child process (same Node binary), with its embedded
 * PostgreSQL in `dataDir`, and talks to it over IPC, one request at a time.
 */
export async function startServerChild(dataDir: string): Promise<ServerChild> {
  const child = fork(entry, [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const next = () =>
    new Promise<Record<string, unknown>>((done, fail) => {
      const onExit = (code: number | null) => fail(new Error(`server process exited (code ${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        const answer = m as Record<string, unknown>;
        if (answer.error) fail(new Error(String(answer.error)));
        else done(answer);
      });
    });
  const ask = (message: Record<string, unknown>) => {
    const answer = next();
    child.send(message);
    return answer;
  };
  const info = (await next()) as { url: string; databaseUrl: string; pid: number };
  return {
    url: info.url,
    databaseUrl: info.databaseUrl,
    pid: info.pid,
    cpuMs: async () => (await ask({ cmd: 'cpu' })).cpu as number,
    startProfile: async () => void (await ask({ cmd: 'profile-start' })),
    stopProfile: async (path) => void (await ask({ cmd: 'profile-stop', path })),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ cmd: 'close' });
      const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
