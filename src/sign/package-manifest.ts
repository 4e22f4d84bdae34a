import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CertificationFacts } from './certification-facts.ts';

export const packageFormat = 'vcert-package/1';

/** The two members a package adds to the reports: they are never listed in `files`. */
export const manifestPath = 'manifest.json';
export const signaturePath = 'manifest.jws';

/** One file of the package, as the manifest lists it. */
export interface ManifestFile {
  /** POSIX path relative to the package root, e.g. `histories/race-1.ndjson`. */
  path: string;
  size: number;
  /** lowercase hex */
  sha256: string;
}

/** manifest.json: what was signed, by which key, when. */
export interface Manifest {
  format: typeof packageFormat;
  signedAt: string;
  /** RFC 7638 JWK thumbprint of the signing key's public half (as the JWS header's `kid`). */
  keyId: string;
  /** Every file of the package but manifest.json and manifest.jws, sorted by path. */
  files: ManifestFile[];
  /** From certification.json, when the reports hold one. */
  certification?: CertificationFacts;
  /** The adapter source given to `vcert sign --adapter`: its path in the package and its hash. */
  adapterSource?: { path: string; sha256: string };
}

/** A package member: its path and its bytes. */
export interface Member {
  path: string;
  bytes: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The manifest entry of a member. */
export const describeFile = (member: Member): ManifestFile => ({
  path: member.path,
  size: member.bytes.byteLength,
  sha256: sha256Hex(member.bytes),
});

/** Sorts by path, by UTF-16 code units (as RFC 8785 sorts keys): the package's one order. */
export const byPath = (a: { path: string }, b: { path: string }) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** manifest.json's bytes: RFC 8785 canonical JSON (UTF-8, sorted keys, no whitespace). */
export function manifestBytes(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(canonicalize(manifest));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fileProblem(file: unknown, index: number): string | undefined {
  if (!isObject(file)) return `files[${index}] is not an object`;
  if (typeof file.path !== 'string' || file.path === '') return `files[${index}] has no path`;
  if (!Number.isSafeInteger(file.size) || (file.size as number) < 0)
    return `files[${index}] (${file.path}) has no size`;
  if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256))
    return `files[${index}] (${file.path}) has no sha256`;
  return undefined;
}

/** The manifest of signed bytes, or what is wrong with them (a finding: the signer made a bad package). */
export function parseManifest(bytes: Uint8Array): { manifest: Manifest } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { problem: 'the signed manifest is not JSON' };
  }
  if (!isObject(value)) return { problem: 'the signed manifest is not a JSON object' };
  if (value.format !== packageFormat)
    return {
      problem: `the signed manifest's format is ${JSON.stringify(value.format)}, not ${packageFormat}`,
    };
  if (typeof value.signedAt !== 'string' || typeof value.keyId !== 'string')
    return { problem: 'the signed manifest has no signedAt or keyId' };
  if (!Array.isArray(value.files)) return { problem: 'the signed manifest has no files' };
  for (const [index, file] of value.files.entries()) {
    const problem = fileProblem(file, index);
    if (problem) return { problem: `the signed manifest's ${problem}` };
  }
  return { manifest: value as unknown as Manifest };
}
