import type { TenderConfig, VendorFile } from '../../../spec/schemas/tenders.ts';
import { canonicalConfig } from './canonical-config.ts';
import { checkConsistency } from './consistency.ts';
import { readJsonDocument, readJsonFile } from './json-document.ts';
import type { Problem } from './problem.ts';
import { readPropertiesFile } from './properties-file.ts';
import { emptySourced, type ImportedPart, listNames, type SourcedConfig } from './sourced-config.ts';
import { readXmlFile } from './xml-file.ts';

/**
 * A refused import: every problem, or with `refused` the one reason a file was not read at all (an
 * import limit: its size, a DOCTYPE or entity declaration, nesting too deep).
 */
export type ImportResult =
  | { ok: true; config: TenderConfig }
  | { ok: false; problems: Problem[]; refused?: true };

/**
 * The files of one import together hold at most this many bytes (UTF-8): a configuration is master
 * data of tenders, groups, customers and reasons, and the import holds it whole in memory.
 */
export const maxImportBytes = 4 * 1024 * 1024;

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** The problem of the file that takes an import past `maxImportBytes`, given each file's size. */
export function sizeProblem(files: readonly { name: string; bytes: number }[]): Problem | undefined {
  let total = 0;
  for (const file of files) {
    total += file.bytes;
    if (total <= maxImportBytes) continue;
    const size =
      total === file.bytes ? bytes(total) : `${bytes(file.bytes)}, ${bytes(total)} with the files before it`;
    return {
      file: file.name,
      element: 'document',
      message: `refused: too large (${size}); an import takes at most ${maxImportBytes / (1024 * 1024)} MiB (${bytes(maxImportBytes)})`,
    };
  }
  return undefined;
}

/** By name: *.properties are switches, *.json the JSON form, anything else vendor XML. */
function readFile(file: VendorFile): ImportedPart {
  const name = file.name.toLowerCase();
  if (name.endsWith('.properties')) return readPropertiesFile(file.name, file.content);
  if (name.endsWith('.json')) return readJsonFile(file.name, file.content);
  return readXmlFile(file.name, file.content);
}

function merge(parts: ImportedPart[]): { merged: SourcedConfig; problems: Problem[] } {
  const merged = emptySourced();
  const problems: Problem[] = [];
  for (const part of parts) {
    problems.push(...part.problems);
    for (const name of listNames) (merged[name] as unknown[]).push(...part.sourced[name]);
    merged.switches.push(...part.sourced.switches);
  }
  return { merged, problems };
}

/** Problems in the order of the files given, then by line; within a line, as found. */
function inFileOrder(problems: Problem[], files: readonly string[]): Problem[] {
  const rank = (p: Problem) => files.indexOf(p.file);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function finish(parts: ImportedPart[], files: readonly string[]): ImportResult {
  const { merged, problems } = merge(parts);
  problems.push(...checkConsistency(merged));
  if (problems.length > 0) return { ok: false, problems: inFileOrder(problems, files) };
  return { ok: true, config: canonicalConfig(merged) };
}

/**
 * Imports several files as one configuration (TA-13): vendor XML, allowedTendersConfigs.properties and
 * JSON documents, merged. Refused with every problem of every file, or the canonical configuration.
 * A file refused by an import limit ends the import with that one problem.
 */
export function importFiles(files: readonly VendorFile[]): ImportResult {
  const tooLarge = sizeProblem(files.map((f) => ({ name: f.name, bytes: Buffer.byteLength(f.content) })));
  if (tooLarge) return { ok: false, problems: [tooLarge], refused: true };
  const parts: ImportedPart[] = [];
  for (const file of files) {
    const part = readFile(file);
    if (part.refused) return { ok: false, problems: part.problems, refused: true };
    parts.push(part);
  }
  return finish(
    parts,
    files.map((f) => f.name),
  );
}

/**
 * What POST /tenders/config calls: either the JSON form itself, or `{ format: 'xml', files }`.
 * The caller keeps the previous configuration in force when the answer is not ok.
 */
export function importConfiguration(input: unknown): ImportResult {
  if (typeof input === 'object' && input !== null && (input as { format?: unknown }).format === 'xml') {
    const files = (input as { files?: unknown }).files;
    if (!Array.isArray(files) || files.length === 0) {
      return {
        ok: false,
        problems: [{ file: '(body)', element: '/files', message: 'files must be a non-empty array' }],
      };
    }
    return importFiles(files as VendorFile[]);
  }
  return finish([readJsonDocument('(body)', input)], ['(body)']);
}
