import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CannotRun, fileReason } from './cannot-run.ts';
import { certificationFacts } from './certification-facts.ts';
import { collectReports } from './collect-reports.ts';
import type { SigningKey } from './keys.ts';
import { signManifest } from './manifest-signature.ts';
import { describeBytes, packageLimits } from './package-limits.ts';
import {
  byPath,
  describeFile,
  type Manifest,
  type Member,
  manifestBytes,
  manifestPath,
  packageFormat,
  sha256Hex,
  signaturePath,
} from './package-manifest.ts';
import { tarGz } from './tar-gz.ts';

export interface SignOptions {
  reportsDir: string;
  key: SigningKey;
  /** Where to write the package; default `<reports-dir>.vcert.tar.gz` next to the directory. */
  out?: string;
  /** The vendor adapter's source file, copied into the package as `adapter/<basename>`. */
  adapter?: string;
  /** The time of signing (injected, so tests and reproducible builds choose it). */
  now: Date;
}

export interface SignedPackage {
  out: string;
  manifest: Manifest;
}

/** The default package path: `reports.vcert.tar.gz` for the directory `reports`. */
export const defaultPackagePath = (reportsDir: string) => `${resolve(reportsDir)}.vcert.tar.gz`;

async function adapterMember(file: string, expected: string | null | undefined): Promise<Member> {
  const bytes = await readFile(file).catch((error: unknown) => {
    throw new CannotRun(`cannot read the adapter ${file}: ${fileReason(error)}`);
  });
  const sha256 = sha256Hex(bytes);
  if (typeof expected === 'string' && /^[0-9a-f]{64}$/i.test(expected) && expected.toLowerCase() !== sha256)
    throw new CannotRun(
      `the adapter ${file} (sha256 ${sha256}) is not the one the run used (certification.json says ${expected})`,
    );
  return { path: `adapter/${basename(file)}`, bytes };
}

/** Writes the whole file or nothing: a temporary file next to it, renamed into place. */
async function writeWhole(out: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { mode: 0o644 });
    await rename(temporary, out);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CannotRun(`cannot write ${out}: ${fileReason(error)}`);
  }
}

/**
 * Makes a certification package of a reports directory: its regular files, the adapter source when
 * given, manifest.json (path, size and SHA-256 of each, and what certification.json says of the run)
 * and manifest.jws (the manifest's bytes signed with EdDSA), as a deterministic tar.gz.
 */
export async function signPackage(options: SignOptions): Promise<SignedPackage> {
  const members = await collectReports(options.reportsDir);
  for (const reserved of [manifestPath, signaturePath])
    if (members.some((m) => m.path === reserved))
      throw new CannotRun(`${options.reportsDir} holds a ${reserved} already (an unpacked package?)`);
  const facts = certificationFacts(members.find((m) => m.path === 'certification.json')?.bytes);
  const manifest: Manifest = {
    format: packageFormat,
    signedAt: options.now.toISOString(),
    keyId: options.key.kid,
    files: [],
  };
  if (facts) manifest.certification = facts;
  if (options.adapter !== undefined) {
    const adapter = await adapterMember(options.adapter, facts?.adapter?.sha256);
    if (members.some((m) => m.path === adapter.path))
      throw new CannotRun(`${options.reportsDir} holds an ${adapter.path} already`);
    members.push(adapter);
    manifest.adapterSource = { path: adapter.path, sha256: sha256Hex(adapter.bytes) };
  }
  members.sort(byPath);
  manifest.files = members.map(describeFile);
  const signed = manifestBytes(manifest);
  const jws = new TextEncoder().encode(await signManifest(signed, options.key.key, options.key.kid));
  const all = [...members, { path: manifestPath, bytes: signed }, { path: signaturePath, bytes: jws }].sort(
    byPath,
  );
  const total = all.reduce((sum, m) => sum + 512 + Math.ceil(m.bytes.byteLength / 512) * 512, 1024);
  if (all.length > packageLimits.maxEntries || total > packageLimits.maxBytes)
    throw new CannotRun(
      `the package would be over what vcert verify reads (${packageLimits.maxEntries} entries, ${describeBytes(packageLimits.maxBytes)})`,
    );
  const out = resolve(options.out ?? defaultPackagePath(options.reportsDir));
  await writeWhole(out, tarGz(all));
  return { out, manifest };
}
