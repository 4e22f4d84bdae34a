import pg from 'pg';
import { migrate } from './migrate.ts';

// bigint columns come back as numbers: amounts are bounded far below 2^53 by the contract.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface Database {
  url: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Any PostgreSQL server; when absent, an embedded server is started with its data in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  log?: (line: string) => void;
}

/** Opens the database (embedded or at a URL), applies migrations and returns a connection pool. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const embedded = options.databaseUrl
    ? null
    : await (await import('./embedded-server.ts')).startEmbeddedServer(
        options.dataDir ?? '.data',
        options.log,
      );
  const url = options.databaseUrl ?? (embedded as { url: string }).url;
  // As many connections as a busy counter's clients: a request that waits for a connection waits in
  // Node, where PostgreSQL cannot commit it with the others (fewer transactions per WAL flush).
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 32 });
  pool.on('error', (error) => options.log?.(`idle client error: ${error.message}`));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    pool,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
