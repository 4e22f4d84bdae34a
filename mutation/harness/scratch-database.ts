import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on a shared PostgreSQL server, dropped by `drop()`. */
export interface ScratchDatabase {
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * The database a mutation test process runs the reference implementation on. `npm run mutation`
 * starts one embedded PostgreSQL server for the whole run and names it in VCERT_MUTATION_PG (a URL
 * of its `postgres` database); each test process creates a fresh database there, so no process pays
 * for initdb and no mutant sees rows another mutant wrote. Without the variable the reference
 * implementation starts its own embedded server (url undefined), as `vcert run` does.
 */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const admin = process.env.VCERT_MUTATION_PG;
  if (!admin) return { url: undefined, drop: async () => {} };
  const name = `mutation_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin(url: string, use: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}
