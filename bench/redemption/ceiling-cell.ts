import type pg from 'pg';
import type { LoadResult } from './pgbench-run.ts';

/** One cell of the table: a number of clients on a set of vouchers. */
export interface Cell {
  clients: number;
  name: string;
  vouchers: string[];
}

/** Runs one path (pgbench or HTTP) for `seconds` with `clients` on `vouchers`; `tag` names the phase. */
export type Path = (cell: Cell, seconds: number, tag: string) => Promise<LoadResult>;

/** The ceiling (pgbench, the transaction statement by statement), HTTP, and pgbench on the server's own statement. */
export const pathNames = ['pgbench', 'http', 'statement'] as const;
export type PathName = (typeof pathNames)[number];

export type CellResult = { cell: Cell } & Record<PathName, LoadResult[]>;

export interface CellPlan {
  db: pg.Pool;
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  paths: Record<PathName, Path>;
}

/**
 * A warm-up of each path, then `rounds` rounds that alternate the order of the paths (background load
 * from other users of the machine hits both alike), each phase from a checkpointed database.
 */
export async function runCell(plan: CellPlan, cell: Cell): Promise<CellResult> {
  const result: CellResult = { cell, pgbench: [], http: [], statement: [] };
  const prefix = `c${cell.clients}-${cell.vouchers.length}`;
  for (const path of pathNames) {
    await plan.paths[path](cell, plan.warmupSeconds, `${prefix}-w${path}`);
  }
  for (let round = 0; round < plan.rounds; round++) {
    const order = round % 2 === 0 ? pathNames : [...pathNames].reverse();
    for (const path of order) {
      await plan.db.query('CHECKPOINT');
      result[path].push(await plan.paths[path](cell, plan.seconds, `${prefix}-r${round}${path}`));
    }
  }
  return result;
}

/** All rounds of one path together: redemptions per second over the time they ran. */
export function perSecond(runs: LoadResult[]): number {
  const completed = runs.reduce((sum, r) => sum + r.completed, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return completed / seconds;
}
