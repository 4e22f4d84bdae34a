import type pg from 'pg';
import type { Clock } from './http/test-control.ts';
import { expireDueHolds } from './storage/hold-rows.ts';
import { readVoucher, saveVoucher } from './storage/voucher-rows.ts';

/**
 * RD-04: releases holds past their time-to-live without anyone asking. Each voucher is locked first,
 * as every request does, so the sweeper never races a capture. Uses each tenant's clock.
 */
export async function sweepOnce(pool: pg.Pool, clock: Clock, batch = 200): Promise<number> {
  const { rows } = await pool.query(
    `SELECT DISTINCT h.voucher_id, h.tenant_id, t.clock_offset_seconds FROM holds h JOIN tenants t ON t.id = h.tenant_id
     WHERE h.status = 'open' AND h.expires_at <= to_timestamp($1 / 1000.0) + make_interval(secs => t.clock_offset_seconds)
     LIMIT $2`,
    [clock.now(), batch],
  );
  let expired = 0;
  for (const row of rows) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const v = await readVoucher(client, row.tenant_id, row.voucher_id, true);
      const now = new Date(clock.now() + row.clock_offset_seconds * 1000);
      const n = v ? await expireDueHolds(client, v, now) : 0;
      if (v && n > 0) await saveVoucher(client, v);
      await client.query('COMMIT');
      expired += n;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return expired;
}

/** Runs the sweep every `intervalMs` until stopped; errors are logged, never fatal. Stopping waits for a sweep in flight. */
export function startSweeper(pool: pg.Pool, clock: Clock, intervalMs: number, log: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepOnce(pool, clock)
      .then(() => undefined, log)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
