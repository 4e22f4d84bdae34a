import { join } from 'node:path';
import type pg from 'pg';
import { type CpuUse, cpuUse, postmasterPidOf, sampleCpu } from './cpu-meter.ts';
import { checkMoney, type MoneyCheck } from './money-check.ts';
import { type ProfileSummary, summariseProfile } from './profile-summary.ts';
import type { Redeemer } from './redeemer.ts';
import type { Params } from './report.ts';
import { type PhaseResult, runPhase } from './run-phase.ts';
import type { ServerChild } from './server-child.ts';

export interface Measured {
  result: PhaseResult;
  cpu: CpuUse;
}

export interface CaseResult {
  name: string;
  ceiling: Measured;
  http: Measured;
  ratio: number;
  profile: ProfileSummary | null;
  money: MoneyCheck;
}

export interface CaseContext {
  server: ServerChild;
  db: pg.Pool;
  dataDir: string;
  params: Params;
  paths: { ceiling: Redeemer; http: Redeemer };
}

/** Functions whose inclusive time the profile reports (synchronous stretches only, as V8 samples stacks). */
const markers = [
  'authenticate',
  'findCaller',
  'fingerprint',
  'validate',
  'serialize',
  'parse',
  'query',
  'handleRequest',
];

/**
 * One case (a set of vouchers): for the ceiling, then HTTP, a warm-up and a measured phase from a
 * checkpointed database; then, if HTTP reached less than half the ceiling (or profiling is forced),
 * an extra HTTP phase under the server's CPU profiler. Ends with the money check over every phase.
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
  let redemptions = 0;
  const measure = async (path: 'ceiling' | 'http'): Promise<Measured> => {
    redemptions += (await runPhase(ctx.paths[path], pick, warmup, `W${path}`)).completed;
    await ctx.db.query('CHECKPOINT');
    const before = await sample();
    const result = await runPhase(ctx.paths[path], pick, limits, `M${path}`);
    const after = await sample();
    redemptions += result.completed;
    return { result, cpu: cpuUse(before, after, result.seconds * 1000) };
  };
  const ceiling = await measure('ceiling');
  const http = await measure('http');
  const ratio = http.result.perSecond / ceiling.result.perSecond;
  let profile: ProfileSummary | null = null;
  if (params.profile === 'on' || (params.profile === 'auto' && ratio < 0.5)) {
    const file = join(ctx.dataDir, `${name.replace(/\W+/g, '-')}.cpuprofile`);
    await ctx.server.startProfile();
    const profiled = { ...limits, maxSeconds: Math.min(5, params.maxSeconds) };
    redemptions += (await runPhase(ctx.paths.http, pick, profiled, 'P')).completed;
    await ctx.server.stopProfile(file);
    profile = summariseProfile(file, markers);
  }
  const money = await checkMoney(ctx.db, ids, startBalance, params.amount, redemptions);
  return { name, ceiling, http, ratio, profile, money } satisfies CaseResult;
}
