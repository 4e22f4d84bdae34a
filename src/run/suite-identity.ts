import { createHash } from 'node:crypto';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory that holds package.json, features/ and steps/ of the bundled suite. */
export const suiteRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface SuiteIdentity {
  name: string;
  version: string;
  /**
   * SHA-256 (hex) over the feature files, without git: for each file under features/ in sorted order of
   * its path relative to the root (forward slashes), the path, a NUL, the content, a NUL.
   */
  featuresSha256: string;
}

/** Names the suite a run used: package name and version plus a content hash of its features. */
export async function suiteIdentity(
  root: string = suiteRoot,
  featurePattern = 'features/**/*.feature',
): Promise<SuiteIdentity> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const files: string[] = [];
  for await (const file of glob(featurePattern, { cwd: root })) files.push(file.split('\\').join('/'));
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    hash.update(await readFile(join(root, file))).update('\0');
  }
  return { name: pkg.name, version: pkg.version, featuresSha256: hash.digest('hex') };
}
