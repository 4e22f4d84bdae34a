import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Faults } from '../../reference-impl/faults.ts';
import { startServer } from '../../reference-impl/server.ts';
import type { StartedTarget, StartOptions } from './defective-implementation.ts';
import { startLogged } from './start-logged.ts';

/**
 * Starts the reference implementation with the given faults, test control on and HTTP on 127.0.0.1.
 * The database is the one given, else DATABASE_URL, else an embedded PostgreSQL in a temporary
 * directory that `close()` removes. With `logFile`, in a child process whose log goes to that file.
 */
export async function startWithFaults(faults: Faults, options: StartOptions = {}): Promise<StartedTarget> {
  if (options.logFile)
    return startLogged(faults, { databaseUrl: options.databaseUrl, logFile: options.logFile });
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'vcert-defective-'));
  try {
    const server = await startServer({
      testControl: true,
      databaseUrl,
      dataDir,
      logLevel: process.env.LOG_LEVEL ?? 'error',
      sweepIntervalMs: 100,
      faults,
    });
    return {
      url: server.url,
      async close() {
        await server.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
