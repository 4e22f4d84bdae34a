import { Pool } from 'undici';

interface Entry {
  pool: Pool;
  users: number;
}

const pools = new Map<string, Entry>();

/** One undici Pool per target origin, shared by every driver of the process and closed with its last user. */
export function acquirePool(origin: string, connections = 32): Pool {
  let entry = pools.get(origin);
  if (!entry) {
    entry = { pool: new Pool(origin, { connections, pipelining: 1 }), users: 0 };
    pools.set(origin, entry);
  }
  entry.users += 1;
  return entry.pool;
}

export async function releasePool(origin: string): Promise<void> {
  const entry = pools.get(origin);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  pools.delete(origin);
  await entry.pool.close();
}
