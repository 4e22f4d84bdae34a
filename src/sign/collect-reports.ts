import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CannotRun, fileReason } from './cannot-run.ts';
import { describeBytes, type PackageLimits, packageLimits } from './package-limits.ts';
import { byPath, type Member } from './package-manifest.ts';

/** Reads one regular file without following a symbolic link (one swapped in after the listing too). */
async function readRegularFile(file: string, shown: string): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new CannotRun(`${shown} is a symbolic link: a package holds regular files only`);
    throw new CannotRun(`cannot read ${shown}: ${fileReason(error)}`);
  }
  try {
    if (!(await handle.stat()).isFile())
      throw new CannotRun(`${shown} is not a regular file: a package holds regular files only`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Every regular file under DIR with its POSIX path relative to DIR, sorted by path. Symbolic links
 * (to files or to directories), sockets, devices and FIFOs are refused, so nothing from outside DIR
 * can enter a package; so is more than a package may hold.
 */
export async function collectReports(dir: string, limits: PackageLimits = packageLimits): Promise<Member[]> {
  const root = await stat(dir).catch((error: unknown) => {
    throw new CannotRun(`cannot read the reports directory ${dir}: ${fileReason(error)}`);
  });
  if (!root.isDirectory()) throw new CannotRun(`${dir} is not a directory`);
  const members: Member[] = [];
  let bytes = 0;
  const walk = async (relative: string[]): Promise<void> => {
    const here = join(dir, ...relative);
    const entries = await readdir(here, { withFileTypes: true }).catch((error: unknown) => {
      throw new CannotRun(`cannot list ${here}: ${fileReason(error)}`);
    });
    for (const entry of entries) {
      const path = [...relative, entry.name];
      const shown = join(dir, ...path);
      if (entry.isSymbolicLink())
        throw new CannotRun(`${shown} is a symbolic link: a package holds regular files only`);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (!entry.isFile())
        throw new CannotRun(`${shown} is not a regular file: a package holds regular files only`);
      const content = await readRegularFile(shown, shown);
      bytes += content.byteLength;
      if (members.length + 1 > limits.maxEntries || bytes > limits.maxBytes)
        throw new CannotRun(
          `${dir} holds more than a package may (${limits.maxEntries} files, ${describeBytes(limits.maxBytes)})`,
        );
      members.push({ path: path.join('/'), bytes: content });
    }
  };
  await walk([]);
  return members.sort(byPath);
}
