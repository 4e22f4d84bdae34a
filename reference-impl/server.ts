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
  /** Deliberate defects for the harness's self-tests (simulators/defective/); none by default. */
  faults?: Faults;
}

export interface RunningServer {
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** Starts the reference implementation: database (embedded unless a URL is given), sweeper, HTTP on loopback. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const logger = pino({ level: options.logLevel ?? process.env.LOG_LEVEL ?? 'warn' });
  const clock = options.clock ?? { now: () => Date.now() };
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    log: (line) => logger.debug({ postgres: line }),
  });
  const app = buildApp({
    pool: db.pool,
    clock,
    newId: options.newId ?? randomUUID,
    testControl: options.testControl ?? false,
    logger,
    faults: options.faults,
  });
  // Under the ignoreExpiry fault nothing expires holds, the sweeper included.
  const stopSweeper = options.faults?.ignoreExpiry
    ? () => {}
    : startSweeper(db.pool, clock, options.sweepIntervalMs ?? 500, (error) =>
        logger.error({ err: error }, 'hold sweeper failed'),
      );
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
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
      await stopSweeper();
      await app.close();
      await db.close();
    },
  };
}
