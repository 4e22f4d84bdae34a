import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundled reference implementation in a child process, on a fixed port, so it can be killed with -9 and restarted. */
export interface ChildServer {
  readonly url: string;
  readonly pid: number | undefined;
  /** kill -9: the process dies mid-request, without closing anything. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database; resolves once it listens. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function launch(port: number, databaseUrl: string, startTimeoutMs: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'src/cli/main.ts'),
      'serve',
      '--test-control',
      '--port',
      String(port),
      '--database-url',
      databaseUrl,
    ],
    { cwd: root, env: { ...process.env, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${startTimeoutMs} ms: ${output}`)),
      startTimeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening: ${output}`));
    });
  });
  await listening;
  return child;
}

/** Starts `vcert serve --test-control --port P --database-url URL` in a child process. */
export async function startChildServer(databaseUrl: string, startTimeoutMs = 30_000): Promise<ChildServer> {
  const port = await freePort();
  let child: ChildProcess | null = await launch(port, databaseUrl, startTimeoutMs);
  const stop = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    kill: () => stop('SIGKILL'),
    async restart() {
      await stop('SIGKILL');
      child = await launch(port, databaseUrl, startTimeoutMs);
    },
    close: () => stop('SIGTERM'),
  };
}
