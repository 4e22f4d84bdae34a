/**
 * `node mutation/move-equivalents.ts COMMIT`: after a change to mutated files, moves each line of
 * mutation/equivalent.md that names a mutant of a file changed since COMMIT to where its code is now
 * (the line diff of mutation/carry-over.ts), and takes out those whose code changed: they are printed,
 * to be run again and argued anew (or killed). A mutant is named by its line and column, so without this
 * an argument would stay at a line that now holds other code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { keptLines } from './carry-over.ts';
import { sourceNow } from './runs.ts';
import { equivalentLine } from './score.ts';

const path = 'mutation/equivalent.md';
const commit = process.argv[2];
if (!commit || process.argv.length > 3) {
  console.error('usage: node mutation/move-equivalents.ts COMMIT');
  process.exit(2);
}

const sourceAt = (file: string): string | null => {
  try {
    return execFileSync('git', ['show', `${commit}:${file}`], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    return null;
  }
};
const linesOf = new Map<string, Map<number, number> | null>();
const movesOf = (file: string) => {
  if (!linesOf.has(file)) {
    const before = sourceAt(file);
    const now = sourceNow(file);
    linesOf.set(file, before === null || now === null || before === now ? null : keptLines(before, now));
  }
  return linesOf.get(file) ?? null;
};

let moved = 0;
const taken: string[] = [];
const out = readFileSync(path, 'utf8')
  .split('\n')
  .flatMap((line) => {
    const m = equivalentLine.exec(line.trim());
    if (!m) return [line];
    const [, file, l] = m as unknown as string[];
    const lines = movesOf(file as string);
    if (!lines) return [line];
    const now = lines.get(Number(l));
    if (now === undefined) {
      taken.push(line.trim());
      return [];
    }
    if (now !== Number(l)) moved += 1;
    return [line.replace(`${file}:${l}:`, `${file}:${now}:`)];
  });
writeFileSync(path, out.join('\n'));
console.log(
  `moved ${moved} line(s) of ${path}; took out ${taken.length} whose code changed since ${commit}:`,
);
for (const line of taken) console.log(`  ${line}`);
