// Funds sized to the plan: so that latency measures successful redemptions, a script that does not test
// exhaustion gives each voucher more than its planned share of redemptions can take. FUNDS overrides it.
import { env } from './env.ts';

const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** Seconds of a k6 duration: "90s", "2m", "1h30m", "500ms". */
export function seconds(duration: string): number {
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(n) * (units[unit as string] as number);
  if (total <= 0) throw new Error(`DURATION "${duration}" is not a k6 duration such as 90s or 2m`);
  return total;
}

/**
 * Funds of each of `vouchers` so that `iterations` redemptions of at most `maxAmount` each, on vouchers
 * picked at random, exhaust none: twice the mean share and four more (the unlucky voucher of a short
 * run). FUNDS wins when given.
 */
export function fundsFor(vouchers: number, iterations: number, maxAmount: number): number {
  if (env.funds !== null) return env.funds;
  return maxAmount * (Math.ceil((2 * iterations) / vouchers) + 4);
}

/** The most iterations a VU can make in the run, at this many per second (a fast target's pace). */
export const vuIterations = (vus: number, perSecond = 50) =>
  Math.ceil(vus * seconds(env.duration) * perSecond);
