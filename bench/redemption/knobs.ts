/** A benchmark's knob from the environment, or its default. */
export const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * The knobs of the redemption benchmarks (redemption.bench.ts, node-floor.bench.ts): BENCH_CLIENTS=8,32,
 * BENCH_VOUCHERS=200, BENCH_ROUNDS=3, BENCH_SECONDS=5, BENCH_WARMUP_SECONDS=2.
 */
export function redemptionKnobs() {
  return {
    clientCounts: (process.env.BENCH_CLIENTS ?? '8,32').split(',').map(Number),
    voucherCount: num('BENCH_VOUCHERS', 200),
    rounds: num('BENCH_ROUNDS', 3),
    seconds: num('BENCH_SECONDS', 5),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 2),
  };
}
