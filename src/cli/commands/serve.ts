import type { Command } from 'commander';

interface ServeFlags {
  port: string;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  testControl: boolean;
  idempotencyRetention: string;
}

/** One line on stderr, then exit code 2 ("could not run"): never a stack trace. */
function couldNotRun(reason: string): void {
  process.exitCode = 2;
  process.stderr.write(`vcert serve: ${reason}\n`, () => process.exit(2));
}

/** What went wrong, on one line. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  return message.replace(/\s+/g, ' ').trim() || 'no reason given';
}

/** Why the server did not start, in the words of the one who reads the terminal. */
function startFailure(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return `port ${port} on ${host} is already in use`;
  if (code === 'EACCES') return `not allowed to listen on ${host}:${port}`;
  if (code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine`;
  return `could not start: ${oneLine(error)}`;
}

type Flags = { ok: true; port: number; idempotencyRetentionMs: number } | { ok: false; error: string };

function parseFlags(opts: ServeFlags): Flags {
  const port = Number(opts.port);
  if (!/^\d+$/.test(opts.port) || port > 65535)
    return { ok: false, error: `--port: not a port number: ${opts.port}` };
  const hours = Number(opts.idempotencyRetention);
  if (opts.idempotencyRetention.trim() === '' || !Number.isFinite(hours) || hours <= 0)
    return {
      ok: false,
      error: `--idempotency-retention: not a positive number of hours: ${opts.idempotencyRetention}`,
    };
  return { ok: true, port, idempotencyRetentionMs: hours * 60 * 60 * 1000 };
}

/**
 * `vcert serve`: runs the bundled reference implementation until SIGINT, SIGTERM or SIGHUP. Any start
 * failure (bad flags, a port in use, a database that does not start) is one line on stderr and exit
 * code 2, with nothing left running.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the bundled reference implementation (embedded PostgreSQL unless --database-url)')
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 inside a container)', '127.0.0.1')
    .option(
      '--database-url <url>',
      'use this PostgreSQL server instead of the embedded one',
      process.env.DATABASE_URL,
    )
    .option('--data-dir <dir>', 'data directory of the embedded server', '.data')
    .option('--test-control', 'enable the test-control surface (tenants on demand, clock, reset)', false)
    .option(
      '--idempotency-retention <hours>',
      'how long a retry with the same Idempotency-Key gets the first answer; afterwards the key may be used again',
      '24',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 stopped by SIGINT, SIGTERM or SIGHUP; 2 could not start (bad flags, port in use, ' +
        'database not started or not reachable). A crash never leaves the embedded PostgreSQL running, ' +
        'and a server a killed `vcert serve` left on the data directory is stopped at the next start.',
    )
    // Bad flags are "could not run" (2), as every other failure to start.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (opts: ServeFlags) => {
      const flags = parseFlags(opts);
      if (!flags.ok) return couldNotRun(flags.error);
      // Loaded here, not at start-up: other commands need neither the server nor PostgreSQL.
      const { startServer } = await import('../../../reference-impl/server.ts');
      const { claimSignals } = await import('../../../reference-impl/storage/signal-owner.ts');
      // This command stops its own servers in order (HTTP, sweeper, pool, PostgreSQL) on a signal; one
      // that comes while it starts stops it once started.
      const releaseSignals = claimSignals();
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      let signalled: NodeJS.Signals | undefined;
      const stop = async () => {
        console.log(`${signalled}: shutting down`);
        try {
          await server?.close();
        } catch (error) {
          console.error(`vcert serve: stopping failed: ${oneLine(error)}`);
          process.exit(1);
        }
        process.exit(0);
      };
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
        process.on(signal, () => {
          // A second signal: leave at once (the watchdog stops PostgreSQL).
          if (signalled) process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
          signalled = signal;
          if (server) void stop();
        });
      try {
        server = await startServer({
          port: flags.port,
          host: opts.host,
          databaseUrl: opts.databaseUrl,
          dataDir: opts.dataDir,
          testControl: opts.testControl,
          idempotencyRetentionMs: flags.idempotencyRetentionMs,
          logLevel: process.env.LOG_LEVEL ?? 'info',
        });
      } catch (error) {
        releaseSignals();
        return couldNotRun(startFailure(error, opts.host, flags.port));
      }
      console.log(
        `reference implementation listening on ${server.url}${opts.testControl ? ' (test control on)' : ''}`,
      );
      if (signalled) await stop();
    });
}
