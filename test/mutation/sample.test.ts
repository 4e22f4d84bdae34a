import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { listMutants, mutateRange, sampleSpans } from '../../mutation/sample.ts';
import { formatScores, readEquivalents, scoreReport } from '../../mutation/score.ts';

const dir = mkdtempSync(join(tmpdir(), 'vcert-mutation-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const files = ['reference-impl/domain/debit.ts', 'reference-impl/domain/spendable.ts'];
const spanOf = (m: {
  fileName: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}) =>
  `${m.fileName}:${m.location.start.line + 1}:${m.location.start.column}-${m.location.end.line + 1}:${m.location.end.column}`;

describe('the mutation sample (mutation/sample.ts, sample-ignorer.ts)', () => {
  test('the same seed draws the same spans, another seed others, at most N per folder', async () => {
    const mutants = await listMutants(files);
    const a = sampleSpans(mutants, 4, 1).map(mutateRange);
    assert.deepEqual(sampleSpans(mutants, 4, 1).map(mutateRange), a);
    assert.notDeepEqual(sampleSpans(mutants, 4, 2).map(mutateRange), a);
    assert.equal(a.length, 4);
    assert.equal(new Set(a).size, 4);
    const all = sampleSpans(mutants, 10_000, 1);
    const inside = (a: (typeof all)[number], b: (typeof all)[number]) =>
      a.file === b.file &&
      (b.start.line < a.start.line || (b.start.line === a.start.line && b.start.column <= a.start.column)) &&
      (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.column <= b.end.column));
    assert.ok(
      all.every((a, i) => all.every((b, j) => i === j || !inside(a, b))),
      'no two spans nest',
    );
  });

  test('Stryker, given the sampled spans as ranges and the ignorer, runs exactly their mutants', async () => {
    const mutants = await listMutants(files);
    const spans = sampleSpans(mutants, 6, 7);
    const samplePath = join(dir, 'sample.json');
    writeFileSync(samplePath, JSON.stringify(spans));
    process.env.VCERT_MUTATION_SAMPLE = samplePath;
    const { strykerPlugins } = await import(`../../mutation/sample-ignorer.ts?${Date.now()}`);
    delete process.env.VCERT_MUTATION_SAMPLE;
    const inputs = files.map((name) => ({
      name,
      content: readFileSync(name, 'utf8'),
      // A mutate range's lines count from 1 (as in stryker.config), the instrumenter's from 0.
      mutate: spans
        .filter((s) => s.file === name)
        .map((s) => ({
          start: { line: s.start.line - 1, column: s.start.column },
          end: { line: s.end.line - 1, column: s.end.column },
        })),
    }));
    const quiet = { isDebugEnabled: () => false, debug() {}, info() {}, warn() {}, error() {} };
    const result = await new Instrumenter(quiet as never).instrument(inputs, {
      plugins: null,
      excludedMutations: [],
      ignorers: [strykerPlugins[0].value],
    });
    const ran = result.mutants
      .filter((m) => m.status !== 'Ignored')
      .map(spanOf)
      .sort();
    const sampled = new Set(spans.map(mutateRange));
    const expected = mutants
      .map(spanOf)
      .filter((s) => sampled.has(s))
      .sort();
    assert.deepEqual(ran, expected);
    assert.ok(
      result.mutants.some((m) => m.status === 'Ignored'),
      'a sampled block brings inner mutants, ignored',
    );
  });
});

describe('the scores (mutation/score.ts)', () => {
  test('per folder, with the mutants argued equivalent taken out of the survivors', () => {
    const mutant = (id: string, status: string, line: number, replacement = '""') => ({
      id,
      mutatorName: 'StringLiteral',
      replacement,
      status,
      location: { start: { line, column: 3 }, end: { line, column: 9 } },
    });
    const report = {
      files: {
        'reference-impl/domain/a.ts': {
          source: 'x\n  "hello"\n',
          mutants: [mutant('1', 'Killed', 1), mutant('2', 'Survived', 2), mutant('3', 'Survived', 2, '"`"')],
        },
        'reference-impl/sweeper.ts': {
          source: 'x',
          mutants: [mutant('4', 'Timeout', 1), mutant('5', 'NoCoverage', 1)],
        },
      },
    };
    const reportPath = join(dir, 'mutation.json');
    writeFileSync(reportPath, JSON.stringify(report));
    const equivalentsPath = join(dir, 'equivalent.md');
    writeFileSync(
      equivalentsPath,
      [
        '# prose',
        '- reference-impl/domain/a.ts:2:3 StringLiteral "\\"`\\"" — only the text changes',
        '',
      ].join('\n'),
    );
    const equivalents = readEquivalents(equivalentsPath);
    assert.equal(equivalents.length, 1);
    assert.equal(equivalents[0]?.replacement, '"`"');
    const scores = scoreReport(reportPath, equivalents);
    const domain = scores.folders.find((f) => f.folder === 'domain');
    assert.deepEqual([domain?.killed, domain?.survived, domain?.equivalent], [1, 1, 1]);
    const sweeper = scores.folders.find((f) => f.folder === 'sweeper');
    assert.deepEqual([sweeper?.timeout, sweeper?.noCoverage], [1, 1]);
    assert.deepEqual(
      scores.survivors.map((s) => s.key),
      [
        'reference-impl/domain/a.ts:2:3 StringLiteral "\\"\\""',
        'reference-impl/sweeper.ts:1:3 StringLiteral "\\"\\""',
      ],
    );
    const text = formatScores(scores);
    assert.match(text, /^domain\s+3\s+1\s+0\s+1\s+0\s+1\s+0\s+50\.0 %$/m);
    assert.match(text, /^all\s+5\s+1\s+1\s+1\s+1\s+1\s+0\s+50\.0 %$/m);
  });
});
