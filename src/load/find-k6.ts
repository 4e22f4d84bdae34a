import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');

/** How to get k6 when there is none. */
export const k6InstallHint =
  'k6 not found: run `bash scripts/setup-k6.sh` (needs Go; installs the pinned k6 into bin/k6) or put k6 on the PATH';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The project's bin/k6, else a k6 on the PATH; null when there is none. */
export function findK6(env: NodeJS.ProcessEnv = process.env): string | null {
  const local = join(projectRoot, 'bin', 'k6');
  if (executable(local)) return local;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'k6'))) return join(dir, 'k6');
  }
  return null;
}
