// Runs `vcert check HISTORY --ledgers LEDGERS` as anyone would, in its own process, and measures it
// end to end (start-up, reading, every checker, the summary) with its peak resident set size and the
// CPU time of all its threads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FinalLedger } from '../src/history/final-ledger.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Writes final ledgers as a JSON array with one ledger a line (readers can then share them out). */
export function writeLedgersFile(path: string, ledgers: Iterable<FinalLedger>): void {
  const lines = [...ledgers].map((ledger) => JSON.stringify(ledger));
  writeFileSync(path, `[\n${lines.join(',\n')}\n]\n`);
}

export interface CliRun {
  ms: number;
  /** Peak resident set size of the whole process (every thread), in MB. */
  peakMb: number;
  /** CPU time of every thread, user and system. */
  cpuMs: number;
  /** CPU time of each thread as vcert check --timings tells it, the main one first. */
  threadCpuMs: number[];
  status: number | null;
  /** The summary's first line: "N operations: valid" or not. */
  headline: string;
  /** Checkers whose verdict is not true, as the summary prints them. */
  undecided: string[];
}

export function runCheckCli(history: string, ledgers: string): CliRun {
  const usageFile = join(mkdtempSync(join(tmpdir(), 'bench-check-')), 'usage.json');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      join(root, 'bench/usage-on-exit.ts'),
      join(root, 'src/cli/main.ts'),
      'check',
      history,
      '--ledgers',
      ledgers,
      '--timings',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, VCERT_USAGE_FILE: usageFile },
      timeout: 600_000,
      maxBuffer: 1 << 26,
    },
  );
  const ms = performance.now() - started;
  let usage = { maxRssKb: Number.NaN, cpuMs: Number.NaN };
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  } catch {
    // the child died before its exit hook ran: no figures
  }
  const lines = run.stdout.split('\n');
  const undecided = lines
    .filter((line) => /^ {2}\S+ +(false|unknown) /.test(line))
    .map((line) => line.trim().split(/ +/).slice(0, 2).join(' '));
  const headline = (lines[0] ?? run.stderr.trim().split('\n')[0] ?? '').trim();
  const byThread = /CPU by thread ([^(]*) \(/.exec(run.stdout)?.[1] ?? '';
  const threadCpuMs = [...byThread.matchAll(/([\d.]+) s/g)].map((match) => Number(match[1]) * 1000);
  return {
    ms,
    peakMb: usage.maxRssKb / 1024,
    cpuMs: usage.cpuMs,
    threadCpuMs,
    status: run.status,
    headline,
    undecided,
  };
}

/** How long tasks waited for a core lately (Linux /proc/pressure/cpu, avg10): figures on a busy machine grow. */
export function cpuPressure(): string {
  try {
    const some = /avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return some ? `, CPU pressure ${some[1]}% (tasks waiting for a core, last 10 s)` : '';
  } catch {
    return '';
  }
}
