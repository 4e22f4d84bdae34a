import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as tar from 'tar';
import { scratchDir } from '../run/scratch-dir.ts';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export const suiteHash = 'aa'.repeat(32);

/** A reports directory as `vcert run` writes it, with a history in a subdirectory; small but real files. */
export async function makeReports(extra: Record<string, unknown> = {}): Promise<string> {
  const dir = join(scratchDir('vcert-sign-reports'), 'reports');
  await mkdir(join(dir, 'histories'), { recursive: true });
  const summary = {
    format: 'vcert-certification-summary/1',
    suite: { name: 'voucher-conformance', version: '0.1.0', featuresSha256: suiteHash },
    target: { url: 'http://127.0.0.1:8080', implementation: 'external', adapter: null },
    verdict: { result: 'pass' },
    ...extra,
  };
  await writeFile(join(dir, 'certification.json'), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(
    join(dir, 'cucumber.ndjson'),
    '{"meta":{"protocolVersion":"27.0.0"}}\n{"testRunFinished":{"success":true}}\n',
  );
  await writeFile(join(dir, 'cucumber.html'), '<!doctype html><title>run</title><p>47 passed</p>\n');
  await writeFile(join(dir, 'junit.xml'), '<?xml version="1.0"?><testsuite tests="47" failures="0"/>\n');
  await writeFile(join(dir, 'histories', 'race-1.ndjson'), '{"kind":"meta","seed":7}\n');
  return dir;
}

/** Every regular file under DIR, relative POSIX paths, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * A copy of a package changed by CHANGE, unpacked and packed again with the `tar` package (not with
 * vcert's own writer): what someone tampering with a package would do with any tar.
 */
export async function repack(
  pkg: string,
  change: (dir: string) => Promise<void>,
  options: { preservePaths?: boolean; entries?: (files: string[]) => string[]; cwd?: string } = {},
): Promise<string> {
  const work = scratchDir('vcert-repack');
  const dir = join(work, 'package');
  await mkdir(dir);
  await tar.x({ file: pkg, cwd: dir });
  await change(dir);
  const files = await filesUnder(dir);
  const out = join(work, 'changed.vcert.tar.gz');
  await tar.c(
    { gzip: true, file: out, cwd: options.cwd ?? dir, portable: true, preservePaths: options.preservePaths },
    options.entries ? options.entries(files) : files,
  );
  return out;
}
