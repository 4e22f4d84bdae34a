import { cpus } from 'node:os';
import { type CellResult, perSecond } from './ceiling-cell.ts';
import { addCpu, type CpuSample, noCpu } from './cpu-meter.ts';
import type { LoadResult } from './pgbench-run.ts';
import { formatTable } from './table.ts';

/** A load run with the CPU the machine spent during it. */
export interface MeteredRun extends LoadResult {
  cpu: CpuSample;
}

/** CPU microseconds per redemption of one path: PostgreSQL, the server, the rest (the load tool). */
interface PathCpu {
  postgres: number;
  server: number;
  rest: number;
  total: number;
  idleCores: number;
}

function pathCpu(runs: LoadResult[]): PathCpu | null {
  const metered = runs.filter((r): r is MeteredRun => 'cpu' in r);
  if (metered.length === 0) return null;
  const used = metered.reduce((sum, r) => addCpu(sum, r.cpu), noCpu);
  const done = metered.reduce((sum, r) => sum + r.completed, 0);
  const wallMs = metered.reduce((sum, r) => sum + r.seconds * 1000, 0);
  const per = (ms: number) => (ms * 1000) / done;
  // The bench process itself only waits for the load tool: its CPU goes with the rest.
  const rest = Math.max(0, used.machineBusy - used.server - used.postgres);
  return {
    postgres: per(used.postgres),
    server: per(used.server),
    rest: per(rest),
    total: per(used.machineBusy),
    idleCores: Math.max(0, cpus().length - used.machineBusy / wallMs),
  };
}

const us = (n: number) => n.toFixed(0);

/**
 * Where each path's CPU went, per redemption, and what that allows: when the machine's cores are the
 * limit (little idle), the ratio cannot exceed pgbench's CPU per redemption over HTTP's, however the
 * server's round trips are arranged. Lines to print after the throughput table.
 */
export function ceilingCpuLines(cells: CellResult[]): string[] {
  const rows: Array<Array<string | number>> = [];
  for (const c of cells) {
    const ceiling = pathCpu(c.pgbench);
    const http = pathCpu(c.http);
    const statement = pathCpu(c.statement);
    if (!ceiling || !http || !statement) continue;
    rows.push([
      c.cell.clients,
      c.cell.name,
      us(ceiling.postgres),
      us(ceiling.rest),
      us(ceiling.total),
      ceiling.idleCores.toFixed(2),
      us(http.postgres),
      us(http.server),
      us(http.rest),
      us(http.total),
      http.idleCores.toFixed(2),
      us(statement.postgres),
      us(statement.total),
      (ceiling.total / http.total).toFixed(2),
      (perSecond(c.http) / perSecond(c.pgbench)).toFixed(2),
    ]);
  }
  if (rows.length === 0) return [];
  return [
    '',
    'CPU per redemption (µs of all cores, measured from /proc over each round): pgbench path | HTTP path | statement path',
    formatTable(
      [
        'clients',
        'vouchers',
        'pg',
        'pgbench+rest',
        'total',
        'idle cores',
        'pg',
        'server',
        'wrk+rest',
        'total',
        'idle cores',
        'pg',
        'total',
        'CPU bound',
        'ratio',
      ],
      rows,
    ),
    'CPU bound: pgbench total ÷ HTTP total, the ratio the cores allow when they are the limit (idle near 0);',
    'rest: every other process on the machine (the load tool, the benchmark, other users)',
  ];
}
