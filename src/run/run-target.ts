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
  try {
    const server = await startServer({ port: 0, testControl: true, databaseUrl, dataDir, logLevel: 'error' });
    let closing: Promise<void> | undefined;
    return {
      url: server.url,
      implementation: 'reference',
      close() {
        closing ??= server
          .close()
          .finally(() => (dataDir ? rm(dataDir, { recursive: true, force: true }) : undefined));
        return closing;
      },
    };
  } catch (error) {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
