import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { CannotRun, fileReason, oneLine } from './cannot-run.ts';
import { describeBytes, type PackageLimits, packageLimits } from './package-limits.ts';

/** One entry of a package, in archive order. */
export interface PackageEntry {
  path: string;
  /** tar's entry type: `File` for a regular file; anything else is never in a package vcert made. */
  type: string;
  /** The content of a regular file (empty for other types). */
  bytes: Uint8Array;
}

const fileTypes = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * The entry's path relative to the package root ('./' and trailing '/' dropped), or a refusal: an
 * absolute path or a `..` segment could only come from a package made to escape its directory.
 */
export function packagePath(raw: string): string {
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw) || raw.includes('\\') || raw.includes('\0'))
    throw new CannotRun(`the package has an entry with an absolute or foreign path: ${JSON.stringify(raw)}`);
  const segments = raw.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..'))
    throw new CannotRun(`the package has an entry whose path leaves the package: ${JSON.stringify(raw)}`);
  return segments.join('/');
}

/** What a gunzip or tar error means, as the one line of "could not run". */
function describeReadError(file: string, error: unknown): CannotRun {
  if (error instanceof CannotRun) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && /^E[A-Z]+$/.test(code))
    return new CannotRun(`cannot read the package ${file}: ${fileReason(error)}`);
  if (code?.startsWith('Z_'))
    return new CannotRun(`${file} is not a readable tar.gz (gzip: ${oneLine(error)})`);
  return new CannotRun(`${file} is not a readable tar.gz (tar: ${oneLine(error)})`);
}

/**
 * Reads a package into memory, refusing anything over LIMITS (uncompressed bytes, entries) before it
 * is read further, and any entry path that is absolute or climbs out with `..`. Nothing is written.
 */
export async function readPackage(
  file: string,
  limits: PackageLimits = packageLimits,
): Promise<PackageEntry[]> {
  const entries: PackageEntry[] = [];
  let failure: unknown;
  let count = 0;
  const parser = new Parser({ strict: true });
  const take = (entry: ReadEntry, keep: boolean) => {
    try {
      if (++count > limits.maxEntries)
        throw new CannotRun(`the package has more than ${limits.maxEntries} entries`);
      const path = packagePath(entry.path);
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      entry.on('end', () => {
        entries.push({ path, type: entry.type, bytes: Buffer.concat(chunks) });
      });
    } catch (error) {
      failure ??= error;
      entry.resume();
    }
  };
  parser.on('entry', (entry: ReadEntry) => take(entry, fileTypes.has(entry.type)));
  parser.on('ignoredEntry', (entry: ReadEntry) => take(entry, false));
  parser.on('error', (error: unknown) => {
    failure ??= error;
  });
  let read = 0;
  try {
    await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        read += chunk.byteLength;
        if (read > limits.maxBytes)
          throw new CannotRun(`the package is over ${describeBytes(limits.maxBytes)} uncompressed`);
        parser.write(chunk);
        if (failure) throw failure;
      }
    });
    // An archive cut short is an 'error' at its end, and may never 'finish'.
    await new Promise<void>((done) => {
      parser.once('error', () => done());
      parser.end(done);
    });
  } catch (error) {
    throw describeReadError(file, error);
  }
  if (failure) throw describeReadError(file, failure);
  return entries;
}
