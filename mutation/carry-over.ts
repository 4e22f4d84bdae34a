import { diffLines } from 'diff';
import type { ReportedMutant } from './score.ts';

/**
 * Old line → new line (both counted from 1) for each line a change left as it was; a line changed,
 * added or removed has none. Lines are matched as a line diff matches them (jsdiff).
 */
export function keptLines(oldSource: string, newSource: string): Map<number, number> {
  const map = new Map<number, number>();
  let from = 1;
  let to = 1;
  for (const part of diffLines(oldSource, newSource)) {
    const count = part.count ?? 0;
    if (part.added) to += count;
    else if (part.removed) from += count;
    else {
      for (let i = 0; i < count; i++) map.set(from + i, to + i);
      from += count;
      to += count;
    }
  }
  return map;
}

/**
 * A mutant of an older source at its place in the new one, or null when a line it spans changed (its
 * code is not the code now). As Stryker's incremental mode does, a result in code left as it was is
 * kept: its file's other changes (and the harness's) may in rare cases change it, which the runs of a
 * whole folder and the survivors' runs check.
 */
export function carriedOver(mutant: ReportedMutant, lines: Map<number, number>): ReportedMutant | null {
  const { start, end } = mutant.location;
  const first = lines.get(start.line);
  const last = lines.get(end.line);
  if (first === undefined || last === undefined || last - first !== end.line - start.line) return null;
  for (let line = start.line; line <= end.line; line++) if (!lines.has(line)) return null;
  return {
    ...mutant,
    location: { start: { ...start, line: first }, end: { ...end, line: last } },
  };
}
