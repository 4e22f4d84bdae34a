import type pg from 'pg';
import type { Clock } from './http/test-control.ts';
import { expireDueHolds } from './storage/hold-rows.ts';
import { deleteKeysCreatedBefore } from './storage/idempotency-rows.ts';
import { readVoucher, saveVoucher } from './storage/voucher-rows.ts';

export interface HoldSweep {
  /** Only this tenant's holds (test control's "sweep now"); every tenant's when absent. */
  tenantId?: string;
  /** Vouchers in one round at most; default 200. */
  batch?: number;
  /** Defect (sweepWithoutLock, faults.ts): the voucher read without its row lock, then written back. */
  unlocked?: boolean;
}

/**
 * RD-04: releases holds past their time-to-live without anyone asking. Each voucher is locked first,
 * as every request does, so the sweeper never races a capture. Uses each tenant's clock.
 */
export async function sweepOnce(
  pool: pg.Pool,
  clock: Clock,
  { tenantId, batch = 200, unlocked = false }: HoldSweep = {},
): Promise<number> {
  const { rows } = await pool.query(
    `SELECT DISTINCT h.voucher_id, h.tenant_id, t.clock_offset_seconds FROM holds h JOIN tenants t ON t.id = h.tenant_id
     WHERE h.status = 'open' AND h.expires_at <= to_timestamp($1 / 1000.0) + make_interval(secs => t.clock_offset_seconds)
       AND h.tenant_id = COALESCE($3, h.tenant_id)
     LIMIT $2`,
    [clock.now(), batch, tenantId ?? null],
  );
  let expired = 0;
  for (const row of rows) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const v = await readVoucher(client, row.tenant_id, row.voucher_id, !unlocked);
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

export interface IdempotencySweep {
  retentionMs: number;
  /** Records removed by one statement; default 1,000. */
  batch?: number;
  /** Statements in one round at most; default 10. The next round goes on where this one stopped. */
  maxBatches?: number;
}

/**
 * RD-06: removes the idempotency records older than the retention period, measured on the server's
 * clock (tenants' test clocks do not age them), oldest first, in bounded batches. Returns the size of
 * each batch removed; a round ends at the first batch that is not full, or after `maxBatches`.
 */
export async function sweepIdempotencyOnce(
  pool: pg.Pool,
  clock: Clock,
  { retentionMs, batch = 1000, maxBatches = 10 }: IdempotencySweep,
): Promise<number[]> {
  const before = new Date(clock.now() - retentionMs);
  const batches: number[] = [];
  while (batches.length < maxBatches) {
    const removed = await deleteKeysCreatedBefore(pool, before, batch);
    if (removed > 0) batches.push(removed);
    if (removed < batch) break;
  }
  return batches;
}

export interface SweeperOptions {
  intervalMs: number;
  /** Expire holds (off only under the ignoreExpiry fault), and how. */
  holds: false | HoldSweep;
  idempotency: IdempotencySweep;
}

/**
 * Every `intervalMs`, expires due holds and removes expired idempotency records, until stopped; errors
 * are logged, never fatal. Stopping waits for a round in flight.
 */
export function startSweeper(
  pool: pg.Pool,
  clock: Clock,
  options: SweeperOptions,
  log: (error: unknown, what: string) => void,
) {
  const round = async () => {
    if (options.holds)
      await sweepOnce(pool, clock, options.holds).catch((error) => log(error, 'hold sweeper failed'));
    await sweepIdempotencyOnce(pool, clock, options.idempotency).catch((error) =>
      log(error, 'idempotency sweeper failed'),
    );
  };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = round().finally(() => {
      running = null;
    });
  }, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
