import { Pool } from 'undici';
import type { LoadResult } from './pgbench-run.ts';
import type { HttpRun } from './wrk-run.ts';

/**
 * The load when wrk is not installed: `clients` closed-loop undici connections sending the same
 * one-step redemptions as redeem.wrk.lua. It costs more CPU than wrk, on the machine it measures.
 */
export async function runHttpLoop(options: HttpRun): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.clients, pipelining: 1 });
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let sent = 0;
  let completed = 0;
  let failed = 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const key = `node-${options.tag}-${sent++}`;
      const voucher = options.vouchers[Math.floor(Math.random() * options.vouchers.length)];
      const res = await pool.request({
        method: 'POST',
        path: `/vouchers/${voucher}/redemptions`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${options.posKey}`,
          'idempotency-key': key,
        },
        body: JSON.stringify({
          amount: { amount: options.amount, currency: 'EUR' },
          receipt: { number: key, store: 'S-001', register: 'POS-1', channel: 'pos' },
        }),
      });
      await res.body.dump();
      if (res.statusCode === 201) completed += 1;
      else failed += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, client));
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { completed, failed, seconds, perSecond: completed / seconds };
}
