import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Verdict } from '../../src/checkers/verdict.ts';
import type { RaceResult } from '../../src/race/run-race.ts';

/**
 * A race bounded by its operation count (`ops`), never by a wall-clock window: `seconds` is only a
 * backstop far beyond what any of these races needs, so a busy machine changes how long a race takes,
 * never what it did.
 */
export const countBound = { seconds: 600 } as const;

/**
 * Holds that outlive any pause a busy machine can put between a hold and its capture: for races whose
 * verdict needs captures to happen (the default POS hold lives 2 s).
 */
export const longHolds = { pos: { holdTtlSeconds: 600 }, webshop: { holdTtlSeconds: 600 } } as const;

/** One line per checker, for assertion messages. */
export function verdictLine(result: RaceResult): string {
  return result.report.verdicts
    .map(
      (v: Verdict) =>
        `${v.checker}=${v.valid}${v.first ? ` (${v.first.message})` : ''}${v.reason ? ` (${v.reason})` : ''}`,
    )
    .join('; ');
}

export function verdictOf(result: RaceResult, checker: string): Verdict {
  const verdict = result.report.verdicts.find((v) => v.checker === checker);
  if (!verdict) throw new Error(`no verdict of ${checker}`);
  return verdict;
}

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `vcert ARGS` (src/cli/main.ts on this Node) to its end: exit code, stdout and stderr. */
export async function runVcert(args: readonly string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}

/**
 * The per-checker lines of a printed summary (`renderSummary`: `  checker  valid  counts`), by checker:
 * what `vcert race` and `vcert check` print, and what a report's summary gives.
 */
export function checkerLines(summary: string): Map<string, string> {
  const lines = summary.split('\n');
  const start = lines.findIndex((line) => /^\d+ operations: (valid|INVALID|UNKNOWN)/.test(line));
  const found = new Map<string, string>();
  if (start < 0) return found;
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S+)\s+(true|false|unknown)\b/.exec(line);
    if (!match) break;
    found.set(match[1] as string, line.trim().replace(/\s+/g, ' '));
  }
  return found;
}

/** The verdict of each checker in a printed summary: `true`, `false` or `unknown`. */
export function printedVerdicts(summary: string): Record<string, string> {
  return Object.fromEntries(
    [...checkerLines(summary)].map(([checker, line]) => [checker, line.split(' ')[1] as string]),
  );
}

/**
 * The operations a checker's first violation names, and every clock move, one line each: evidence for an
 * assertion message, so that a race that fails once on a loaded machine can be judged from its output.
 */
export function windowLines(result: RaceResult, checker: string): string {
  const verdict = result.report.verdicts.find((v) => v.checker === checker);
  const named = new Set(verdict?.window?.ops ?? verdict?.first?.ops ?? []);
  const lines = result.history.ops.flatMap((o, i) =>
    named.has(i) || o.op === 'advanceTestClock'
      ? [
          `${i} ${o.client} ${o.op} ${o.target ?? ''} ${JSON.stringify(o.args)} ${o.completion} ${o.status ?? ''} ` +
            `${o.invokedAt}..${o.completedAt} ${JSON.stringify(o.result)}`,
        ]
      : [],
  );
  return lines.join('\n');
}
