import type { Command } from 'commander';

interface ServeFlags {
  port: string;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  testControl: boolean;
}

/** `vcert serve`: runs the bundled reference implementation until SIGINT or SIGTERM. */
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
    .action(async (opts: ServeFlags) => {
      // Loaded here, not at start-up: other commands need neither the server nor PostgreSQL.
      const { startServer } = await import('../../../reference-impl/server.ts');
      const server = await startServer({
        port: Number(opts.port),
        host: opts.host,
        databaseUrl: opts.databaseUrl,
        dataDir: opts.dataDir,
        testControl: opts.testControl,
        logLevel: process.env.LOG_LEVEL ?? 'info',
      });
      console.log(
        `reference implementation listening on ${server.url}${opts.testControl ? ' (test control on)' : ''}`,
      );
      const stop = async (signal: string) => {
        console.log(`${signal}: shutting down`);
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });
}
