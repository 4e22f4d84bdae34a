import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const localImport =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * SHA-256 of a k6 script and of every local module it imports (load/lib/...), each with its path from the
 * script's folder: two machines that run "the same script" with different clients give different digests.
 */
export function scriptDigest(script: string): string {
  const root = dirname(resolve(script));
  const seen = new Map<string, Buffer>();
  const visit = (path: string) => {
    if (seen.has(path) || !existsSync(path)) return;
    const bytes = readFileSync(path);
    seen.set(path, bytes);
    for (const match of bytes.toString('utf8').matchAll(localImport))
      visit(resolve(dirname(path), (match[1] ?? match[2]) as string));
  };
  visit(resolve(script));
  const hash = createHash('sha256');
  for (const path of [...seen.keys()].sort()) {
    hash.update(`${relative(root, path)}\0`);
    hash.update(seen.get(path) as Buffer);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** SHA-256 of one file (an adapter module). */
export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
