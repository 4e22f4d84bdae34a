import { readFileSync } from 'node:fs';
import { excluded, folderOf } from './targets.ts';

/** A mutant as Stryker's JSON report (mutation-testing-report-schema) gives it; lines and columns from 1. */
export interface ReportedMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
  status: string;
  statusReason?: string;
  killedBy?: string[];
  coveredBy?: string[];
}

export interface Report {
  files: Record<string, { source: string; mutants: ReportedMutant[] }>;
}

/** One line of mutation/equivalent.md: a mutant argued not observable through the contract. */
export interface Equivalent {
  file: string;
  line: number;
  column: number;
  mutator: string;
  replacement: string;
  reason: string;
}

export const equivalentLine = /^- (\S+?):(\d+):(\d+) (\w+) ("(?:[^"\\]|\\.)*") — (.+)$/;

/**
 * The equivalents file: every line `- FILE:LINE:COLUMN MUTATOR "REPLACEMENT" — why`, the replacement as
 * a JSON string (as `npm run mutation` prints a survivor, so a line can be copied); other lines are prose.
 */
export function readEquivalents(path: string): Equivalent[] {
  const text = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  })();
  return text.split('\n').flatMap((line) => {
    const m = equivalentLine.exec(line.trim());
    if (!m) return [];
    const [, file, l, c, mutator, replacement, reason] = m as unknown as string[];
    return [
      {
        file,
        line: Number(l),
        column: Number(c),
        mutator,
        replacement: JSON.parse(replacement as string),
        reason,
      },
    ] as Equivalent[];
  });
}

/** A mutant as the survivor list and the equivalents file name it: `FILE:LINE:COLUMN MUTATOR "REPLACEMENT"`. */
export const mutantKey = (file: string, m: ReportedMutant) =>
  `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`;
const equivalentKey = (e: Equivalent) =>
  `${e.file}:${e.line}:${e.column} ${e.mutator} ${JSON.stringify(e.replacement)}`;

export interface FolderScore {
  folder: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  /** Runtime and compile errors: the mutant could not run; left out of the score, as Stryker does. */
  errors: number;
  ignored: number;
}

export interface Survivor {
  key: string;
  folder: string;
  status: string;
  original: string;
  file: string;
  location: ReportedMutant['location'];
}

export interface Scores {
  folders: FolderScore[];
  total: FolderScore;
  survivors: Survivor[];
  /** Equivalents whose mutant was in this run. */
  equivalentsSeen: number;
}

/** Killed or timed out over every mutant that ran or was not reached, less those argued equivalent. */
export function score(s: FolderScore): number | null {
  const valid = s.killed + s.timeout + s.survived + s.noCoverage;
  return valid === 0 ? null : (100 * (s.killed + s.timeout)) / valid;
}

const empty = (folder: string): FolderScore => ({
  folder,
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  equivalent: 0,
  errors: 0,
  ignored: 0,
});

/** The text a mutant replaced, on one line. */
function originalText(source: string, m: ReportedMutant): string {
  const lines = source.split('\n');
  const { start, end } = m.location;
  const picked =
    start.line === end.line
      ? (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
      : [
          (lines[start.line - 1] ?? '').slice(start.column - 1),
          ...lines.slice(start.line, end.line - 1),
          (lines[end.line - 1] ?? '').slice(0, end.column - 1),
        ].join('\n');
  const flat = picked.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/** Scores per folder from Stryker's JSON report, with the equivalents taken out of the survivors. */
export function scoreReport(reportPath: string, equivalents: readonly Equivalent[]): Scores {
  return scoreOf(JSON.parse(readFileSync(reportPath, 'utf8')) as Report, equivalents);
}

/** The same, of a report already read (or of several runs merged: mutation/runs.ts). */
export function scoreOf(report: Report, equivalents: readonly Equivalent[]): Scores {
  const known = new Set(equivalents.map(equivalentKey));
  const byFolder = new Map<string, FolderScore>();
  const survivors: Survivor[] = [];
  let equivalentsSeen = 0;
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    // A file left out of the mutated files since the report was made (mutation/targets.ts) counts no more.
    if (file in excluded) continue;
    const folder = folderOf(file);
    const s = byFolder.get(folder) ?? empty(folder);
    byFolder.set(folder, s);
    for (const m of mutants) {
      const key = mutantKey(file, m);
      if ((m.status === 'Survived' || m.status === 'NoCoverage') && known.has(key)) {
        s.equivalent++;
        equivalentsSeen++;
        continue;
      }
      if (m.status === 'Killed') s.killed++;
      else if (m.status === 'Timeout') s.timeout++;
      else if (m.status === 'Survived') s.survived++;
      else if (m.status === 'NoCoverage') s.noCoverage++;
      else if (m.status === 'Ignored') s.ignored++;
      else s.errors++;
      if (m.status === 'Survived' || m.status === 'NoCoverage')
        survivors.push({
          key,
          folder,
          status: m.status,
          original: originalText(source, m),
          file,
          location: m.location,
        });
    }
  }
  const folders = [...byFolder.values()].sort((a, b) => a.folder.localeCompare(b.folder));
  const total = folders.reduce((t, f) => {
    for (const k of Object.keys(t) as (keyof FolderScore)[]) if (k !== 'folder') t[k] += f[k];
    return t;
  }, empty('all'));
  return { folders, total, survivors, equivalentsSeen };
}

const pct = (n: number | null) => (n === null ? '-' : `${n.toFixed(1)} %`);

/** The scores as a table and the survivors one a line, as `npm run mutation` prints them. */
export function formatScores(scores: Scores): string {
  const head = [
    'folder',
    'mutants',
    'killed',
    'timeout',
    'survived',
    'no coverage',
    'equivalent',
    'errors',
    'score',
  ];
  const row = (f: FolderScore) => [
    f.folder,
    String(f.killed + f.timeout + f.survived + f.noCoverage + f.equivalent + f.errors),
    String(f.killed),
    String(f.timeout),
    String(f.survived),
    String(f.noCoverage),
    String(f.equivalent),
    String(f.errors),
    pct(score(f)),
  ];
  const rows = [head, ...scores.folders.map(row), row(scores.total)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const table = rows.map((r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
  );
  const survivors = scores.survivors.map(
    (s) =>
      `  ${s.key}${s.status === 'NoCoverage' ? ' (no coverage)' : ''} — was ${JSON.stringify(s.original)}`,
  );
  return [
    ...table,
    '',
    `survivors (${scores.survivors.length}; argue one equivalent in mutation/equivalent.md or kill it):`,
    ...survivors,
  ].join('\n');
}
