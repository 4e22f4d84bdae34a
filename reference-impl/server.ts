import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { Faults } from './faults.ts';
import { buildApp } from './http/app.ts';
import type { Clock } from './http/test-control.ts';
import { openDatabase } from './storage/database.ts';
import { startSweeper } from './sweeper.ts';

export interface ServerOptions {
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  testControl?: boolean;
  clock?: Clock;
  newId?: () => string;
  logLevel?: string;
  sweepIntervalMs?: number;
  /**
   * RD-06: how long an idempotency record answers a retry with the first answer; default 24 hours
   * (`defaultIdempotencyRetentionMs`). Afterwards the sweeper removes it and the key may be used again.
   */
  idempotencyRetentionMs?: number;
  /** Deliberate defects for the harness's self-tests (simulators/defective/); none by default. */
  faults?: Faults;
}

export interface RunningServer {
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

export const defaultIdempotencyRetentionMs = 24 * 60 * 60 * 1000;

/** Starts the reference implementation: database (embedded unless a URL is given), sweeper, HTTP on loopback. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = pino({ level: options.logLevel ?? process.env.LOG_LEVEL ?? 'warn' });
  const clock = options.clock ?? { now: () => Date.now() };
  const idempotencyRetentionMs = options.idempotencyRetentionMs ?? defaultIdempotencyRetentionMs;
  if (!(idempotencyRetentionMs > 0))
    throw new Error(`idempotencyRetentionMs must be positive, not ${idempotencyRetentionMs}`);
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    log: (line) => logger.debug({ postgres: line }),
  });
  // From here on a failure (a port in use, above all) stops what was started: nothing is left running.
  let app: ReturnType<typeof buildApp> | undefined;
  let stopSweeper: (() => Promise<void>) | undefined;
  let address: string;
  try {
    app = buildApp({
      pool: db.pool,
      clock,
      newId: options.newId ?? randomUUID,
      testControl: options.testControl ?? false,
      logger,
      faults: options.faults,
    });
    stopSweeper = startSweeper(
      db.pool,
      clock,
      {
        intervalMs: options.sweepIntervalMs ?? 500,
        // Under the ignoreExpiry fault nothing expires holds, the sweeper included.
        // Under sweepWithoutLock only the on-demand sweep (test control, the caller's tenant) runs the defect:
        // a background round would reach every tenant of a shared database, other servers' included.
        holds: !options.faults?.ignoreExpiry && !options.faults?.sweepWithoutLock && {},
        idempotency: { retentionMs: idempotencyRetentionMs },
      },
      (error, what) => logger.error({ err: error }, what),
    );
    address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await stopSweeper?.().catch(() => {});
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
  logger.info(
    { address, testControl: options.testControl ?? false },
    'voucher reference implementation listening',
  );
  let closed = false;
  return {
    url: address,
    databaseUrl: db.url,
    async close() {
      if (closed) return;
      closed = true;
      await stopSweeper?.();
      await app?.close();
      await db.close();
    },
  };
}
