import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutantKey, type Report, type ReportedMutant } from './score.ts';

/**
 * The runs kept for adding up: each finished run's Stryker report is copied to `reports/mutation/runs/`,
 * named by its end time and the git tree of `reference-impl/` it mutated. Runs add up file by file (each
 * night's sample, the survivors run again after a new scenario, a folder run whole): a run's mutants of a
 * file count while that file's source is the one the run mutated (a mutant's line and column are its
 * name), as in Stryker's incremental mode. A file changed since is left to the runs made of it as it is.
 */
export const runsDir = 'reports/mutation/runs';

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

/**
 * One report of several runs: every mutant any of them ran in a file whose source is still the one they
 * mutated, with the status of the latest run that ran it (a sample leaves most mutants Ignored: those
 * never override a status). `left` receives each run's files left out, changed since.
 */
export function mergeRuns(
  paths: readonly string[],
  current: (file: string) => string | null = sourceNow,
  left: (path: string, file: string) => void = () => {},
): Report {
  const byFile = new Map<string, { source: string; byKey: Map<string, ReportedMutant> }>();
  for (const path of paths) {
    const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      if (source !== current(file)) {
        left(path, file);
        continue;
      }
      const seen = byFile.get(file)?.byKey ?? new Map<string, ReportedMutant>();
      byFile.set(file, { source, byKey: seen });
      for (const m of mutants) {
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
