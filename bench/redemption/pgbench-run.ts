import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The committed pgbench scripts: the minimal correct one-step redemption on the server's own schema,
 * statement by statement; and the server's own statement (its database function) in one round trip. */
export const pgbenchScripts = {
  transaction: fileURLToPath(new URL('./redeem.pgbench.sql', import.meta.url)),
  statement: fileURLToPath(new URL('./redeem-now.pgbench.sql', import.meta.url)),
};

export interface PgbenchRun {
  databaseUrl: string;
  clients: number;
  seconds: number;
  /** The script's variables (-D name=value). */
  vars: Record<string, string | number>;
  /** Which script (default: the transaction statement by statement). */
  script?: keyof typeof pgbenchScripts;
}

export interface LoadResult {
  /** Transactions (redemptions) completed. */
  completed: number;
  /** Failed transactions, or non-2xx answers. */
  failed: number;
  seconds: number;
  perSecond: number;
}

/** pgbench's version line, or null when it is not installed. */
export async function pgbenchVersion(): Promise<string | null> {
  try {
    return (await run('pgbench', ['--version'])).stdout.trim();
  } catch {
    return null;
  }
}

/**
 * Runs pgbench with a redemption script for `seconds` with `clients` connections (prepared
 * statements, no vacuum, two threads), and reads what it processed.
 */
export async function runPgbench(options: PgbenchRun): Promise<LoadResult> {
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(options.clients),
    '-j',
    '2',
    '-T',
    String(options.seconds),
  ];
  for (const [name, value] of Object.entries(options.vars)) args.push('-D', `${name}=${value}`);
  args.push('-f', pgbenchScripts[options.script ?? 'transaction'], options.databaseUrl);
  const { stdout } = await run('pgbench', args, { maxBuffer: 16 * 1024 * 1024 });
  const completed = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  if (!Number.isFinite(completed) || !Number.isFinite(tps)) throw new Error(`pgbench said:\n${stdout}`);
  return { completed, failed, seconds: tps > 0 ? completed / tps : options.seconds, perSecond: tps };
}
