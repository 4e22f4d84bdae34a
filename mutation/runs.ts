import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { carriedOver, keptLines } from './carry-over.ts';
import { mutantKey, type Report, type ReportedMutant } from './score.ts';

/**
 * The runs kept for adding up: each finished run's Stryker report is copied to `mutation/runs/` (committed),
 * named by its end time and the git tree of `reference-impl/` it mutated. Runs add up (each night's
 * sample, the survivors run again after a new scenario, a folder run whole), mutant by mutant, as in
 * Stryker's incremental mode: a mutant of a file changed since counts where the lines it spans are left
 * as they were, moved to where they are now (mutation/carry-over.ts); one in changed code does not.
 */
export const runsDir = 'mutation/runs';

/** The git tree of reference-impl/ at HEAD, or null when it has changes not committed (or no git). */
export function referenceTree(): string | null {
  try {
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'reference-impl'], {
      encoding: 'utf8',
    });
    if (changed.trim() !== '') return null;
    return execFileSync('git', ['rev-parse', 'HEAD:reference-impl'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Copies a finished run's report among the kept runs; the path, or null when the tree is not committed. */
export function keepRun(
  reportPath: string,
  tree: string | null,
  label: string,
  at = new Date(),
): string | null {
  if (!tree) return null;
  mkdirSync(runsDir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const path = join(runsDir, `${stamp}-${tree.slice(0, 12)}-${label}.json`);
  copyFileSync(reportPath, path);
  return path;
}

/** Every kept run, oldest first. */
export function keptRuns(dir = runsDir): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** A file's source as it is now (null when it is gone): what a run's report must match to count. */
export function sourceNow(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** What adding a run up left out of one of its files: mutants whose code has changed since. */
export interface LeftOut {
  run: string;
  file: string;
  /** Mutants the run ran (not Ignored) in the file, and of them those in changed code. */
  ran: number;
  changed: number;
}

/**
 * One report of several runs: every mutant any of them ran in code still as it is now, at its place now,
 * with the status of the latest run that ran it (a sample leaves most mutants Ignored: those never
 * override a status). `left` receives, for each run's file changed since, what was left out.
 */
export function mergeRuns(
  paths: readonly string[],
  current: (file: string) => string | null = sourceNow,
  left: (what: LeftOut) => void = () => {},
): Report {
  const byFile = new Map<string, { source: string; byKey: Map<string, ReportedMutant> }>();
  for (const path of paths) {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      const now = current(file);
      if (now === null) continue;
      let kept = mutants;
      if (source !== now) {
        const lines = keptLines(source, now);
        kept = mutants.flatMap((m) => carriedOver(m, lines) ?? []);
        const ran = mutants.filter((m) => m.status !== 'Ignored');
        const changed = ran.length - kept.filter((m) => m.status !== 'Ignored').length;
        left({ run: path, file, ran: ran.length, changed });
      }
      const seen = byFile.get(file)?.byKey ?? new Map<string, ReportedMutant>();
      byFile.set(file, { source: now, byKey: seen });
      for (const m of kept) {
        const key = mutantKey(file, m);
        if (m.status !== 'Ignored' || !seen.has(key)) seen.set(key, m);
      }
    }
  }
  return {
    files: Object.fromEntries(
      [...byFile].map(([file, { source, byKey }]) => [file, { source, mutants: [...byKey.values()] }]),
    ),
  };
}
