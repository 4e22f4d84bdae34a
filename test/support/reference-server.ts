import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, type ServerOptions, startServer } from '../../reference-impl/server.ts';

/**
 * Starts the reference implementation for a test file: a real PostgreSQL server (the one at
 * DATABASE_URL when set, else an embedded one in a temporary directory) and HTTP on 127.0.0.1.
 */
export async function startReferenceServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vcert-test-'));
  const server = await startServer({
    testControl: true,
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    logLevel: 'error',
    sweepIntervalMs: 100,
    ...options,
  });
  return {
    ...server,
    async close() {
      await server.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
