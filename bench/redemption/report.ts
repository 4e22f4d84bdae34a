import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type pg from 'pg';
import type { Measured } from './path-totals.ts';
import { profileLines } from './profile-report.ts';
import type { CaseResult } from './run-case.ts';
import { formatTable } from './table.ts';

export interface Params {
  clients: number;
  vouchers: number;
  rounds: number;
  maxSeconds: number;
  maxRedemptions: number;
  warmupSeconds: number;
  warmupRedemptions: number;
  dbPoolSize: number;
  amount: number;
  manyBalance: number;
  hotBalance: number;
  profile: 'auto' | 'on' | 'off';
}

export interface Machine {
  cpus: string;
  memory: string;
  node: string;
  postgres: string;
  code: string;
}

/** The commit measured, and whether reference-impl/ differs from it (the benchmark runs the working tree). */
function codeVersion(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', cwd: new URL('../..', import.meta.url) }).trim();
    const changed = git('status', '--porcelain', '--', 'reference-impl').split('\n').filter(Boolean).length;
    return `commit ${git('rev-parse', '--short', 'HEAD')}, reference-impl ${changed ? `with ${changed} uncommitted change(s)` : 'as committed'}`;
  } catch {
    return 'unknown (no git)';
  }
}

export async function describeMachine(db: pg.Pool): Promise<Machine> {
  const { rows } = await db.query('SELECT version() AS v, current_setting($1) AS sync', [
    'synchronous_commit',
  ]);
  return {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: `${process.version} (${process.platform} ${process.arch})`,
    postgres: `${String(rows[0].v).split(' on ')[0]}, embedded, fsync on, synchronous_commit ${rows[0].sync}`,
    code: codeVersion(),
  };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

function phaseRow(c: CaseResult, path: string, m: Measured) {
  const rounds = m.rounds.map((r) => r.toFixed(0)).join(' / ');
  return [
    c.name,
    path,
    m.completed,
    f1(m.seconds),
    f1(m.perSecond),
    rounds,
    f2(m.p50Ms),
    f2(m.p99Ms),
    m.failed,
  ];
}

function cpuRow(c: CaseResult, path: string, m: Measured) {
  const u = m.cpu;
  const per = m.cpuMsPer;
  return [
    c.name,
    path,
    f2(u.bench),
    f2(u.server),
    f2(u.postgres),
    f2(u.other),
    f2(u.idle),
    f2(per.bench),
    f2(per.server),
    f2(per.postgres),
    f2(per.total),
  ];
}

function pathsOf(c: CaseResult): Array<[string, Measured]> {
  const paths: Array<[string, Measured]> = [
    ['ceiling (db)', c.ceiling],
    ['http', c.http],
  ];
  if (c.keyLookup) paths.push(['db + key lookup', c.keyLookup]);
  return paths;
}

/** Other processes busier than this (cores, on average) make the figures suspect. */
const noisyOther = 0.25;

/** Prints everything a reader needs to judge the run: machine, parameters, figures, CPU, money, profile. */
export function printReport(machine: Machine, p: Params, setupSeconds: number, cases: CaseResult[]): void {
  const out: string[] = [];
  out.push('Redemption benchmark: hold then capture, HTTP against the same database work without HTTP', '');
  out.push(
    `machine   ${machine.cpus}, ${machine.memory}`,
    `node      ${machine.node}`,
    `postgres  ${machine.postgres}`,
    `code      ${machine.code}`,
  );
  out.push(
    `params    ${p.clients} concurrent clients on each path (closed loop); HTTP: undici Pool, ${p.clients} keep-alive connections to 127.0.0.1;`,
    `          ceiling: service functions in inTransaction on a pg Pool of ${p.dbPoolSize} (the server's pool size), in this process;`,
    '          HTTP: the server in a child process; the load generator shares the cores with it and PostgreSQL;',
    `          many = ${p.vouchers} vouchers of ${p.manyBalance} minor units, each redemption on a random one; hot = 1 voucher of ${p.hotBalance};`,
    `          policy amount-holds; ${p.amount} minor units per redemption; warm-up ≤ ${p.warmupSeconds} s / ${p.warmupRedemptions}; ${p.rounds} measured rounds per path, each ≤ ${p.maxSeconds} s / ${p.maxRedemptions};`,
    `          rounds alternate which path goes first; a CHECKPOINT before each measured phase; setup (tenant, ${p.vouchers + 1} vouchers issued and sold over HTTP) took ${f1(setupSeconds)} s`,
    '',
  );
  out.push(
    formatTable(
      ['case', 'path', 'redemptions', 'seconds', 'per second', 'per round', 'p50 ms', 'p99 ms', 'failed'],
      cases.flatMap((c) => pathsOf(c).map(([path, m]) => phaseRow(c, path, m))),
    ),
    '',
  );
  out.push(
    formatTable(
      [
        'case',
        'http / s',
        'ceiling / s',
        'ratio',
        'goal ≥ 0.5',
        'paired rounds',
        'cpu cost',
        'money adds up',
      ],
      cases.map((c) => [
        c.name,
        f1(c.http.perSecond),
        f1(c.ceiling.perSecond),
        f2(c.ratio),
        c.ratio >= 0.5 ? 'met' : 'NOT met',
        f2(c.pairedRatio),
        f2(c.cpuRatio),
        c.money.ok ? 'yes' : 'NO',
      ]),
    ),
    'paired rounds: median of the per-round ratios (a round runs both paths back to back, so background load',
    "hits both alike); cpu cost: ceiling CPU ms per redemption / HTTP's, all processes of the run included,",
    'the ratio to expect when the run has the machine to itself and is CPU-bound (the hot voucher is not: it',
    'waits on its row lock).',
    '',
  );
  out.push(
    'CPU during the measured rounds: cores busy on average (bench = load generator or ceiling loop;',
    'other = processes outside this benchmark), then CPU ms spent per redemption:',
  );
  out.push(
    formatTable(
      [
        'case',
        'path',
        'bench',
        'server',
        'postgres',
        'other',
        'idle',
        'ms bench',
        'ms server',
        'ms pg',
        'ms all',
      ],
      cases.flatMap((c) => pathsOf(c).map(([path, m]) => cpuRow(c, path, m))),
    ),
    '',
  );
  const busiest = Math.max(...cases.flatMap((c) => pathsOf(c).map(([, m]) => m.cpu.other)));
  if (busiest > noisyOther) {
    out.push(
      `WARNING: other processes kept up to ${f2(busiest)} cores busy during a measured phase; the rounds alternate`,
      'which path goes first, but the figures are noisier than on an idle machine. Compare "ms all" per redemption.',
      '',
    );
  }
  for (const c of cases) {
    out.push(`money check, ${c.name}: ${c.money.detail}`);
    const errors = [c.ceiling, c.http].map((m) => m.firstError).filter(Boolean);
    if (errors.length) out.push(`  first errors: ${errors.join(' | ')}`);
  }
  for (const c of cases) if (c.profile) out.push('', ...profileLines(c.name, c.profile));
  console.log(out.join('\n'));
}
