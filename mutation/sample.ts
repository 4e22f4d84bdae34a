import { readFile } from 'node:fs/promises';
import type { Mutant } from '@stryker-mutator/api/core';
import { Instrumenter } from '@stryker-mutator/instrumenter';
import { folderOf } from './targets.ts';

/** A source span that mutants are placed on; lines from 1, columns from 0 (Babel's numbering). */
export interface Span {
  file: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
}

const quiet = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace() {},
  debug() {},
  info() {},
  warn: (...args: unknown[]) => console.error(...args),
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
};

/** Every mutant Stryker's instrumenter places in these files, as `stryker run` would. */
export async function listMutants(files: readonly string[]): Promise<readonly Mutant[]> {
  const inputs = await Promise.all(
    files.map(async (name) => ({ name, mutate: true as const, content: await readFile(name, 'utf8') })),
  );
  const result = await new Instrumenter(quiet).instrument(inputs, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  return result.mutants;
}

/** mulberry32: a small seeded generator, so that a printed seed draws the same sample again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const spanKey = (s: Span) => `${s.file}:${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`;

type Position = Span['start'];
const atOrBefore = (a: Position, b: Position) =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);
const within = (inner: Span, outer: Span) =>
  inner.file === outer.file && atOrBefore(outer.start, inner.start) && atOrBefore(inner.end, outer.end);

/**
 * A seeded random sample of mutated spans, `perFolder` from each folder (all of a folder's that fit when
 * it has fewer). The unit is a span, not a mutant: every mutant placed on a sampled span runs (`a < b`
 * gives `true`, `false`, `a <= b` and `a >= b`), which is how Stryker can select them. No two chosen
 * spans nest (a block and a condition inside it): the nodes between them would run too.
 */
export function sampleSpans(mutants: readonly Mutant[], perFolder: number, seed: number): Span[] {
  const byFolder = new Map<string, Map<string, Span>>();
  for (const m of mutants) {
    // The API's lines count from 0; Babel's and a mutate range's from 1.
    const span: Span = {
      file: m.fileName,
      start: { line: m.location.start.line + 1, column: m.location.start.column },
      end: { line: m.location.end.line + 1, column: m.location.end.column },
    };
    const folder = folderOf(m.fileName);
    const spans = byFolder.get(folder) ?? new Map<string, Span>();
    spans.set(spanKey(span), span);
    byFolder.set(folder, spans);
  }
  const next = random(seed);
  const chosen: Span[] = [];
  for (const folder of [...byFolder.keys()].sort()) {
    const spans = [...(byFolder.get(folder) as Map<string, Span>).values()];
    const picked: Span[] = [];
    // Fisher-Yates, stopping once perFolder spans that do not nest are drawn.
    for (let i = 0; i < spans.length && picked.length < perFolder; i++) {
      const j = i + Math.floor(next() * (spans.length - i));
      [spans[i], spans[j]] = [spans[j] as Span, spans[i] as Span];
      const span = spans[i] as Span;
      if (!picked.some((p) => within(span, p) || within(p, span))) picked.push(span);
    }
    chosen.push(...picked);
  }
  return chosen;
}

/** A span as a Stryker mutate range: `file:line:column-line:column`. */
export const mutateRange = (s: Span) => spanKey(s);
