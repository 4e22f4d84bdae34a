import { createHistogram } from 'node:perf_hooks';
import { addCpu, type CpuSample, type CpuUse, cpuUse, noCpu } from './cpu-meter.ts';
import type { PhaseResult } from './run-phase.ts';

/** One path's figures over all measured rounds of a case. */
export interface Measured {
  completed: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** Redemptions per second of each round, in order. */
  rounds: number[];
  p50Ms: number;
  p99Ms: number;
  /** Average cores busy per part. */
  cpu: CpuUse;
  /** CPU milliseconds per completed redemption, per part and in all (bench + server + postgres). */
  cpuMsPer: { bench: number; server: number; postgres: number; total: number };
  firstError: string | null;
}

/** Adds up the measured rounds of one path: counts, time, a merged latency histogram, CPU used. */
export function pathTotals() {
  const latency = createHistogram({ lowest: 1, highest: 120e9, figures: 3 });
  const rounds: number[] = [];
  let cpu: CpuSample = noCpu;
  let completed = 0;
  let failed = 0;
  let seconds = 0;
  let firstError: string | null = null;
  return {
    latency,
    add(result: PhaseResult, used: CpuSample) {
      rounds.push(result.completed / result.seconds);
      completed += result.completed;
      failed += result.failed;
      seconds += result.seconds;
      firstError ??= result.firstError;
      cpu = addCpu(cpu, used);
    },
    result(): Measured {
      const per = (ms: number) => (completed ? ms / completed : Number.NaN);
      return {
        completed,
        failed,
        seconds,
        perSecond: completed / seconds,
        rounds,
        p50Ms: completed ? latency.percentile(50) / 1e6 : Number.NaN,
        p99Ms: completed ? latency.percentile(99) / 1e6 : Number.NaN,
        cpu: cpuUse(cpu, seconds * 1000),
        cpuMsPer: {
          bench: per(cpu.bench),
          server: per(cpu.server),
          postgres: per(cpu.postgres),
          total: per(cpu.bench + cpu.server + cpu.postgres),
        },
        firstError,
      };
    },
  };
}
