import type { RecordableHistogram } from 'node:perf_hooks';
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
  firstError: string | null;
}

/**
 * Runs `clients` closed-loop clients, each redeeming on `pick()`'s voucher again as soon as its last
 * redemption ended, until `maxRedemptions` have started or `maxSeconds` have passed (both bound it).
 * Records into `latency` (ns) each whole redemption (hold and capture) as the client sees it.
 */
export async function runPhase(
  redeem: Redeemer,
  pick: () => string,
  limits: PhaseLimits,
  tag: string,
  latency: RecordableHistogram,
): Promise<PhaseResult> {
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
  return { completed, failed, seconds: (performance.now() - started) / 1000, firstError };
}
