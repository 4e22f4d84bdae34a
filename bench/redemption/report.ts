import { cpus, totalmem } from 'node:os';
import type pg from 'pg';
import type { CaseResult, Measured } from './run-case.ts';
import { formatTable } from './table.ts';

export interface Params {
  clients: number;
  vouchers: number;
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
  };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

function phaseRow(c: CaseResult, path: string, m: Measured) {
  const r = m.result;
  return [c.name, path, r.completed, f1(r.seconds), f1(r.perSecond), f2(r.p50Ms), f2(r.p99Ms), r.failed];
}

function cpuRow(c: CaseResult, path: string, m: Measured) {
  const u = m.cpu;
  return [c.name, path, f2(u.bench), f2(u.server), f2(u.postgres), f2(u.other), f2(u.idle)];
}

/** Prints everything a reader needs to judge the run: machine, parameters, figures, CPU, money, profile. */
export function printReport(machine: Machine, p: Params, setupSeconds: number, cases: CaseResult[]): void {
  const out: string[] = [];
  out.push('Redemption benchmark: hold then capture, HTTP against the same database work without HTTP', '');
  out.push(
    `machine   ${machine.cpus}, ${machine.memory}`,
    `node      ${machine.node}`,
    `postgres  ${machine.postgres}`,
  );
  out.push(
    `params    ${p.clients} concurrent clients on each path (closed loop); HTTP: undici Pool, ${p.clients} keep-alive connections to 127.0.0.1;`,
    `          ceiling: service functions in inTransaction on a pg Pool of ${p.dbPoolSize} (the server's pool size), same process layout minus HTTP;`,
    `          many = ${p.vouchers} vouchers of ${p.manyBalance} minor units, each redemption on a random one; hot = 1 voucher of ${p.hotBalance};`,
    `          policy amount-holds; ${p.amount} minor units per redemption; warm-up ≤ ${p.warmupSeconds} s / ${p.warmupRedemptions}; measured ≤ ${p.maxSeconds} s / ${p.maxRedemptions} per phase;`,
    `          a CHECKPOINT before each measured phase; setup (tenant, ${p.vouchers + 1} vouchers issued and sold over HTTP) took ${f1(setupSeconds)} s`,
    '',
  );
  out.push(
    formatTable(
      ['case', 'path', 'redemptions', 'seconds', 'per second', 'p50 ms', 'p99 ms', 'failed'],
      cases.flatMap((c) => [phaseRow(c, 'ceiling (db)', c.ceiling), phaseRow(c, 'http', c.http)]),
    ),
    '',
  );
  out.push(
    formatTable(
      ['case', 'http / s', 'ceiling / s', 'ratio', 'goal ≥ 0.5', 'money adds up'],
      cases.map((c) => [
        c.name,
        f1(c.http.result.perSecond),
        f1(c.ceiling.result.perSecond),
        f2(c.ratio),
        c.ratio >= 0.5 ? 'met' : 'NOT met',
        c.money.ok ? 'yes' : 'NO',
      ]),
    ),
    '',
  );
  out.push('CPU in cores busy during each measured phase (bench = load generator or ceiling loop):');
  out.push(
    formatTable(
      ['case', 'path', 'bench', 'server', 'postgres', 'other', 'idle'],
      cases.flatMap((c) => [cpuRow(c, 'ceiling (db)', c.ceiling), cpuRow(c, 'http', c.http)]),
    ),
    '',
  );
  for (const c of cases) {
    out.push(`money check, ${c.name}: ${c.money.detail}`);
    const errors = [c.ceiling, c.http].map((m) => m.result.firstError).filter(Boolean);
    if (errors.length) out.push(`  first errors: ${errors.join(' | ')}`);
  }
  for (const c of cases) {
    if (!c.profile) continue;
    out.push(
      '',
      `server CPU profile, ${c.name} over HTTP (${f1(c.profile.busyMs)} ms busy), self time by place:`,
    );
    out.push(
      formatTable(
        ['place', '%'],
        c.profile.byPlace.map((s) => [s.name, f1(s.percent)]),
      ),
    );
    out.push('', 'hottest functions (self time):');
    out.push(
      formatTable(
        ['function', '%'],
        c.profile.byFunction.map((s) => [s.name, f1(s.percent)]),
      ),
    );
    out.push('', 'inclusive time under (synchronous stretches):');
    out.push(
      formatTable(
        ['function', '%'],
        c.profile.under.map((s) => [s.name, f1(s.percent)]),
      ),
    );
  }
  console.log(out.join('\n'));
}
