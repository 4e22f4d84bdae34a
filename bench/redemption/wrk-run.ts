import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LoadResult } from './pgbench-run.ts';

const run = promisify(execFile);

/** The committed wrk script: one-step redemptions with fresh Idempotency-Keys on the given vouchers. */
export const wrkScript = fileURLToPath(new URL('./redeem.wrk.lua', import.meta.url));

export interface HttpRun {
  url: string;
  posKey: string;
  vouchers: readonly string[];
  amount: number;
  clients: number;
  seconds: number;
  /** Keeps this run's Idempotency-Keys and receipt numbers apart from every other run's. */
  tag: string;
}

/** Whether wrk is installed (it prints its version and exits 1). */
export async function hasWrk(): Promise<boolean> {
  try {
    await run('wrk', ['--version']);
    return true;
  } catch (error) {
    return /^wrk /.test(String((error as { stdout?: string }).stdout ?? ''));
  }
}

/**
 * wrk with two threads (one for a single client) and `clients` connections for `seconds`: its 2xx
 * answers are the redemptions, its other answers and socket errors (a timeout among them) the failures.
 */
export async function runWrk(options: HttpRun): Promise<LoadResult> {
  // A redemption queued behind 31 others on one hot voucher can take longer than wrk's default 2 s.
  const args = [
    '-t',
    // wrk wants no more threads than connections.
    String(Math.min(2, options.clients)),
    '-c',
    String(options.clients),
    '-d',
    `${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    wrkScript,
    options.url,
  ];
  const env = {
    ...process.env,
    VOUCHERS: options.vouchers.join(','),
    POS_KEY: options.posKey,
    AMOUNT: String(options.amount),
    RUN: options.tag,
  };
  const { stdout } = await run('wrk', args, { env });
  const requests = Number(/(\d+) requests in ([\d.]+)(m?s)/.exec(stdout)?.[1]);
  const time = /\d+ requests in ([\d.]+)(m?s)/.exec(stdout);
  const failed = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  if (!Number.isFinite(requests) || !time) throw new Error(`wrk said:\n${stdout}`);
  const seconds = Number(time[1]) / (time[2] === 'ms' ? 1000 : 1);
  const completed = requests - failed;
  return { completed, failed: failed + socketErrors, seconds, perSecond: completed / seconds };
}
