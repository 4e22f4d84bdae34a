import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Ignorer, NodePath } from '@stryker-mutator/api/ignore';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';
import type { Span } from './sample.ts';

/**
 * A Stryker ignorer that keeps only the sampled spans (mutation/sample.ts). The run's mutate ranges are
 * the sampled spans themselves, so only nodes inside a sampled span are mutated; this ignores every node
 * that contains no sampled span (the statements and expressions inside one), so a sampled `{ ... }` block
 * does not bring every mutant within it along. Stryker reports those as Ignored; the score leaves them out.
 * The spans come from the JSON file named by VCERT_MUTATION_SAMPLE; without it nothing is ignored.
 */
interface BabelPath extends NodePath {
  node: { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null };
  hub?: { file?: { opts?: { filename?: string } } };
}

type Position = { line: number; column: number };
const atOrBefore = (a: Position, b: Position) =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);

function sampledSpans(): Map<string, Span[]> | null {
  const file = process.env.VCERT_MUTATION_SAMPLE;
  if (!file) return null;
  const byFile = new Map<string, Span[]>();
  for (const span of JSON.parse(readFileSync(file, 'utf8')) as Span[])
    byFile.set(span.file, [...(byFile.get(span.file) ?? []), span]);
  return byFile;
}

const spans = sampledSpans();

const sampleIgnorer: Ignorer = {
  shouldIgnore(nodePath) {
    if (!spans) return undefined;
    const path = nodePath as BabelPath;
    const loc = path.node.loc;
    const name = path.hub?.file?.opts?.filename;
    if (!loc || !name) return undefined;
    const inFile = spans.get(relative(process.cwd(), resolve(name))) ?? [];
    const holdsSampled = inFile.some((s) => atOrBefore(loc.start, s.start) && atOrBefore(s.end, loc.end));
    return holdsSampled ? undefined : 'not in this run’s sample';
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'vcert-sample', sampleIgnorer)];
