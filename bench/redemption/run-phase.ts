import { createHistogram } from 'node:perf_hooks';
import type { Redeemer } from './redeemer.ts';

export interface PhaseLimits {
  clients: number;
  maxRedemptions: number;
  maxSeconds: number;
}

export interface PhaseResult {
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  firstError: string | null;
}

/**
 * Runs `clients` closed-loop clients, each redeeming on `pick()`'s voucher again as soon as its last
 * redemption ended, until `maxRedemptions` have started or `maxSeconds` have passed (both bound it).
 * Latency is one whole redemption (hold and capture) as the client sees it.
 */
export async function runPhase(redeem: Redeemer, pick: () => string, limits: PhaseLimits, tag: string) {
  const latency = createHistogram({ lowest: 1, highest: 120e9, figures: 3 });
  const started = performance.now();
  const deadline = started + limits.maxSeconds * 1000;
  let begun = 0;
  let completed = 0;
  let failed = 0;
  let firstError: string | null = null;
  const client = async (c: number) => {
    while (begun < limits.maxRedemptions && performance.now() < deadline) {
      begun += 1;
      const t0 = process.hrtime.bigint();
      try {
        await redeem(pick(), `${tag}-${c}-${begun}`);
        latency.record(process.hrtime.bigint() - t0);
        completed += 1;
      } catch (error) {
        failed += 1;
        firstError ??= String(error instanceof Error ? error.message : error);
      }
    }
  };
  await Promise.all(Array.from({ length: limits.clients }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  const result: PhaseResult = {
    completed,
    failed,
    seconds,
    perSecond: completed / seconds,
    p50Ms: completed ? latency.percentile(50) / 1e6 : Number.NaN,
    p99Ms: completed ? latency.percentile(99) / 1e6 : Number.NaN,
    firstError,
  };
  return result;
}
