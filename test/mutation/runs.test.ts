import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { keptRuns, mergeRuns } from '../../mutation/runs.ts';
import { scoreOf } from '../../mutation/score.ts';

const dir = mkdtempSync(join(tmpdir(), 'vcert-mutation-runs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const file = 'reference-impl/domain/debit.ts';
const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 5 } });
const mutant = (id: string, line: number, status: string) => ({
  id,
  mutatorName: 'ConditionalExpression',
  replacement: 'true',
  location: at(line),
  status,
});
const source = 'a\nb\nc\nd\n';
const write = (name: string, mutants: ReturnType<typeof mutant>[], of = source) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ files: { [file]: { source: of, mutants } } }));
  return path;
};
const unchanged = (f: string) => (f === file ? source : null);

test('kept runs add up: the latest run that ran a mutant gives its status', () => {
  const first = write('2026-11-30T19-00-00-000Z-aaaaaaaaaaaa-sample.json', [
    mutant('1', 1, 'Survived'),
    mutant('2', 2, 'Killed'),
    mutant('3', 3, 'Ignored'),
  ]);
  const second = write('2026-12-01T01-00-00-000Z-aaaaaaaaaaaa-survivors.json', [
    mutant('1', 1, 'Killed'),
    mutant('2', 2, 'Ignored'),
    mutant('3', 3, 'NoCoverage'),
  ]);
  const changed = write(
    '2026-12-01T02-00-00-000Z-bbbbbbbbbbbb-sample.json',
    [mutant('1', 1, 'Survived')],
    'x\n',
  );
  assert.deepEqual(keptRuns(dir), [first, second, changed], 'every kept run, oldest first');
  const left: string[] = [];
  const scores = scoreOf(
    mergeRuns(keptRuns(dir), unchanged, ({ run }) => left.push(run)),
    [],
  );
  // 1: survived, then killed by the survivors' run (the run of other source, whose line 1 is no more,
  // does not count);
  // 2: killed, not run again (Ignored never overrides); 3: first ignored, then not covered.
  assert.deepEqual(left, [changed], 'the run of a source changed since is left out');
  assert.equal(scores.total.killed, 2);
  assert.equal(scores.total.noCoverage, 1);
  assert.equal(scores.total.survived, 0);
  assert.deepEqual(
    scores.survivors.map((s) => s.key),
    [`${file}:3:1 ConditionalExpression "true"`],
  );
});

test('a mutant of a file changed since counts where its line is left as it was, at its place now', () => {
  // Line 1 removed and a line added before "d": b, c and d move; a is gone.
  const old = write(
    '2026-12-02T01-00-00-000Z-cccccccccccc-sample.json',
    [mutant('7', 1, 'Survived'), mutant('8', 2, 'Killed'), mutant('9', 4, 'Survived')],
    'a\nb\nc\nd\n',
  );
  const now = 'b\nc\nnew\nd\n';
  const left: { changed: number; ran: number }[] = [];
  const merged = mergeRuns(
    [old],
    (f) => (f === file ? now : null),
    (what) => left.push(what),
  );
  const mutants = merged.files[file]?.mutants ?? [];
  assert.deepEqual(
    mutants.map((m) => [m.id, m.location.start.line, m.status]),
    [
      ['8', 1, 'Killed'],
      ['9', 4, 'Survived'],
    ],
  );
  assert.equal(merged.files[file]?.source, now);
  assert.deepEqual(
    left.map(({ changed, ran }) => [changed, ran]),
    [[1, 3]],
  );
});
