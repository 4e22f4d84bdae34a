import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../reference-impl/server.ts';
import { type ChildServer, startChildServer } from '../../simulators/faults/child-server.ts';
import { type SharedPostgres, startSharedPostgres } from '../../simulators/faults/shared-postgres.ts';

/** The implementations a race runs against: their URLs, the killable processes (if any), and how to stop them. */
export interface RaceTargets {
  urls: string[];
  /** Bundled servers in child processes (for kill -9), empty otherwise. */
  processes: ChildServer[];
  bundled: boolean;
  close(): Promise<void>;
}

/**
 * An external target as given; else the bundled reference implementation: in this process, or, for
 * process faults or several instances, in child processes that share one embedded PostgreSQL.
 */
export async function startRaceTargets(options: {
  target?: string;
  killRestart: boolean;
  instances: number;
}): Promise<RaceTargets> {
  if (options.target) {
    if (options.killRestart || options.instances > 1)
      throw new Error(
        '--kill-restart and --instances need the bundled reference implementation (no --target)',
      );
    return { urls: [options.target], processes: [], bundled: false, close: async () => {} };
  }
  if (!options.killRestart && options.instances <= 1) {
    const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'vcert-race-'));
    const server = await startServer({
      testControl: true,
      databaseUrl: process.env.DATABASE_URL,
      dataDir,
      logLevel: 'error',
      sweepIntervalMs: 100,
    });
    return {
      urls: [server.url],
      processes: [],
      bundled: true,
      async close() {
        await server.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const shared: SharedPostgres | null = process.env.DATABASE_URL ? null : await startSharedPostgres();
  const databaseUrl = process.env.DATABASE_URL ?? (shared as SharedPostgres).url;
  const processes: ChildServer[] = [];
  try {
    // One after the other: the first applies the migrations.
    for (let i = 0; i < Math.max(1, options.instances); i++)
      processes.push(await startChildServer(databaseUrl));
  } catch (error) {
    for (const p of processes) await p.close();
    await shared?.stop();
    throw error;
  }
  return {
    urls: processes.map((p) => p.url),
    processes,
    bundled: true,
    async close() {
      for (const p of processes) await p.close();
      await shared?.stop();
    },
  };
}
