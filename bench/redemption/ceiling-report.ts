import { type CellResult, perSecond } from './ceiling-cell.ts';
import { ceilingCpuLines } from './ceiling-cpu.ts';
import type { LedgerCheck } from './ledger-check.ts';
import type { LoadResult } from './pgbench-run.ts';
import { formatTable } from './table.ts';

export interface CeilingSetup {
  machine: string[];
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  httpTool: string;
}

const rate = (runs: LoadResult[]) => runs.map((r) => r.perSecond.toFixed(0)).join(' / ');
const failures = (runs: LoadResult[]) => runs.reduce((sum, r) => sum + r.failed, 0);

/** The table: per cell, both throughputs (all rounds and each round), their ratio and its range. */
export function printCeilingReport(
  setup: CeilingSetup,
  cells: CellResult[],
  checks: Array<{ name: string; check: LedgerCheck }>,
): boolean {
  const rows = cells.map((c) => {
    const ceiling = perSecond(c.pgbench);
    const http = perSecond(c.http);
    const statement = perSecond(c.statement);
    const paired = c.http.map((h, i) => h.perSecond / (c.pgbench[i]?.perSecond ?? Number.NaN));
    return [
      c.cell.clients,
      c.cell.name,
      ceiling.toFixed(0),
      rate(c.pgbench),
      http.toFixed(0),
      rate(c.http),
      (http / ceiling).toFixed(2),
      `${Math.min(...paired).toFixed(2)}-${Math.max(...paired).toFixed(2)}`,
      statement.toFixed(0),
      (http / statement).toFixed(2),
      failures(c.pgbench) + failures(c.http) + failures(c.statement),
    ];
  });
  const out = [
    ...setup.machine,
    `each cell: ${setup.warmupSeconds} s warm-up per path, then ${setup.rounds} rounds of ${setup.seconds} s per path, ` +
      'alternating which goes first, each from a checkpointed database',
    `ceiling: pgbench -M prepared with bench/redemption/redeem.pgbench.sql (the transaction statement by statement); http: ${setup.httpTool}; ` +
      "statement: pgbench with bench/redemption/redeem-now.pgbench.sql (the server's own statement, one round trip)",
    '',
    formatTable(
      [
        'clients',
        'vouchers',
        'pgbench/s',
        'rounds',
        'http/s',
        'rounds',
        'http ÷ pgbench',
        'per round',
        'statement/s',
        'http ÷ statement',
        'failed',
      ],
      rows,
    ),
    '',
    "goal: http ÷ pgbench at least 0.9 in every cell; http ÷ statement: the share of the database's own limit for",
    "the server's path that HTTP and Node leave (no goal: it shows what they cost)",
    ...ceilingCpuLines(cells),
  ];
  for (const { name, check } of checks)
    out.push(`ledger check, ${name}: ${check.ok ? 'ok' : 'FAILED'}: ${check.detail}`);
  console.log(out.join('\n'));
  return checks.every((c) => c.check.ok);
}
