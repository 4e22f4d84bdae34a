// Runs `vcert check HISTORY --ledgers LEDGERS` as anyone would, in its own process, and measures it
// end to end (start-up, reading, every checker, the summary) with its peak resident set size.
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
  status: number | null;
  /** The summary's first line: "N operations: valid" or not. */
  headline: string;
  /** Checkers whose verdict is not true, as the summary prints them. */
  undecided: string[];
}

export function runCheckCli(history: string, ledgers: string): CliRun {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'bench-check-')), 'max-rss');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      join(root, 'test/tenders/max-rss-on-exit.ts'),
      join(root, 'src/cli/main.ts'),
      'check',
      history,
      '--ledgers',
      ledgers,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, VCERT_MAX_RSS_FILE: rssFile },
      timeout: 600_000,
      maxBuffer: 1 << 26,
    },
  );
  const ms = performance.now() - started;
  let peakMb = Number.NaN;
  try {
    peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // the child died before its exit hook ran: no figure
  }
  const lines = run.stdout.split('\n');
  const undecided = lines
    .filter((line) => /^ {2}\S+ +(false|unknown) /.test(line))
    .map((line) => line.trim().split(/ +/).slice(0, 2).join(' '));
  const headline = (lines[0] ?? run.stderr.trim().split('\n')[0] ?? '').trim();
  return { ms, peakMb, status: run.status, headline, undecided };
}
