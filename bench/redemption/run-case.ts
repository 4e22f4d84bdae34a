import { join } from 'node:path';
import { createHistogram } from 'node:perf_hooks';
import type pg from 'pg';
import { cpuBetween, postmasterPidOf, sampleCpu } from './cpu-meter.ts';
import { startCpuProfile } from './cpu-profiler.ts';
import { checkMoney, type MoneyCheck } from './money-check.ts';
import { type Measured, pathTotals } from './path-totals.ts';
import { type ProfileSummary, summariseProfile } from './profile-summary.ts';
import type { Redeemer } from './redeemer.ts';
import type { Params } from './report.ts';
import { runPhase } from './run-phase.ts';
import type { ServerChild } from './server-child.ts';

export interface CaseResult {
  name: string;
  ceiling: Measured;
  http: Measured;
  /** The ceiling plus the server's API-key lookup per step, when asked for (BENCH_KEY_LOOKUP=1). */
  keyLookup: Measured | null;
  /** HTTP / ceiling redemptions per second over all measured rounds. */
  ratio: number;
  /** The median of the per-round ratios (each round's two phases ran back to back). */
  pairedRatio: number;
  /** Ceiling CPU ms per redemption / HTTP's (all parts): the ratio to expect on a machine of its own. */
  cpuRatio: number;
  profile: { ceiling: ProfileSummary; server: ProfileSummary } | null;
  money: MoneyCheck;
}

export interface CaseContext {
  server: ServerChild;
  db: pg.Pool;
  dataDir: string;
  params: Params;
  paths: { ceiling: Redeemer; http: Redeemer; keyLookup?: Redeemer };
}

type Path = 'ceiling' | 'http' | 'keyLookup';

/**
 * One case (a set of vouchers): a warm-up on each path, then `rounds` rounds that alternate which
 * path goes first (so background load hits both alike), each measured phase from a checkpointed
 * database; then, if HTTP reached less than half the ceiling (or profiling is forced), one more phase
 * per path under V8's CPU profiler: the ceiling loop in this process, the HTTP server in its own.
 * Ends with the money check over every phase that ran.
 */
export async function runCase(ctx: CaseContext, name: string, ids: string[], startBalance: number) {
  const { params } = ctx;
  const pick =
    ids.length === 1 ? () => ids[0] as string : () => ids[Math.floor(Math.random() * ids.length)] as string;
  const postmaster = postmasterPidOf(join(ctx.dataDir, 'pg'));
  const sample = () => sampleCpu(postmaster, ctx.server.cpuMs);
  const limits = {
    clients: params.clients,
    maxRedemptions: params.maxRedemptions,
    maxSeconds: params.maxSeconds,
  };
  const warmup = {
    clients: params.clients,
    maxRedemptions: params.warmupRedemptions,
    maxSeconds: params.warmupSeconds,
  };
  const unrecorded = () => createHistogram();
  let redemptions = 0;
  const paths: Path[] = ctx.paths.keyLookup ? ['ceiling', 'http', 'keyLookup'] : ['ceiling', 'http'];
  const redeemer = (path: Path) => ctx.paths[path] as Redeemer;
  for (const path of paths) {
    redemptions += (await runPhase(redeemer(path), pick, warmup, `W${path}`, unrecorded())).completed;
  }
  const totals = { ceiling: pathTotals(), http: pathTotals(), keyLookup: pathTotals() };
  for (let round = 0; round < params.rounds; round++) {
    const order = round % 2 === 0 ? paths : [...paths].reverse();
    for (const path of order) {
      await ctx.db.query('CHECKPOINT');
      const before = await sample();
      const result = await runPhase(redeemer(path), pick, limits, `M${round}${path}`, totals[path].latency);
      totals[path].add(result, cpuBetween(before, await sample()));
      redemptions += result.completed;
    }
  }
  const ceiling = totals.ceiling.result();
  const http = totals.http.result();
  const keyLookup = ctx.paths.keyLookup ? totals.keyLookup.result() : null;
  const ratio = http.perSecond / ceiling.perSecond;
  const paired = http.rounds.map((r, i) => r / (ceiling.rounds[i] ?? Number.NaN)).sort((a, b) => a - b);
  const pairedRatio =
    paired.length % 2
      ? (paired[paired.length >> 1] as number)
      : ((paired[paired.length / 2 - 1] as number) + (paired[paired.length / 2] as number)) / 2;
  const cpuRatio = ceiling.cpuMsPer.total / http.cpuMsPer.total;
  let profile: CaseResult['profile'] = null;
  if (params.profile === 'on' || (params.profile === 'auto' && ratio < 0.5)) {
    const file = (path: 'ceiling' | 'http') =>
      join(ctx.dataDir, `${name.replace(/\W+/g, '-')}-${path}.cpuprofile`);
    const profiled = { ...limits, maxSeconds: Math.min(5, params.maxSeconds) };
    const inProcess = await startCpuProfile();
    const ceilingRun = await runPhase(ctx.paths.ceiling, pick, profiled, 'Pc', unrecorded());
    await inProcess.stop(file('ceiling'));
    await ctx.server.startProfile();
    const httpRun = await runPhase(ctx.paths.http, pick, profiled, 'Ph', unrecorded());
    await ctx.server.stopProfile(file('http'));
    redemptions += ceilingRun.completed + httpRun.completed;
    profile = {
      ceiling: summariseProfile(file('ceiling'), ceilingRun.completed),
      server: summariseProfile(file('http'), httpRun.completed),
    };
  }
  const money = await checkMoney(ctx.db, ids, startBalance, params.amount, redemptions);
  return {
    name,
    ceiling,
    http,
    keyLookup,
    ratio,
    pairedRatio,
    cpuRatio,
    profile,
    money,
  } satisfies CaseResult;
}
