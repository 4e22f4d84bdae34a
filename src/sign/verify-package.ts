import type { SigningKey } from './keys.ts';
import { checkManifestSignature } from './manifest-signature.ts';
import { type Manifest, manifestPath, parseManifest, sha256Hex, signaturePath } from './package-manifest.ts';
import type { PackageEntry } from './read-package.ts';

/** What `vcert verify` found: no findings and a signed manifest is a verified package. */
export interface Verification {
  /** true only when the signature verifies with the key given and nothing was found. */
  verified: boolean;
  /** One line each, in the order found: `modified: …`, `missing: …`, `unexpected: …`, `signature: …`. */
  findings: string[];
  /** The manifest checked against (the signed one when the signature verifies). */
  manifest?: Manifest;
  /** The id of the key given. */
  kid: string;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(b);

/** The package's regular files by path; duplicates and entries of other types are findings. */
function filesOf(entries: readonly PackageEntry[], findings: string[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const seen = new Map<string, number>();
  for (const entry of entries) {
    if (entry.type === 'Directory') continue;
    seen.set(entry.path, (seen.get(entry.path) ?? 0) + 1);
    if (entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile')
      files.set(entry.path, entry.bytes);
    else findings.push(`unexpected: ${entry.path} (a ${entry.type} entry, not a regular file)`);
  }
  for (const [path, count] of seen)
    if (count > 1) findings.push(`unexpected: ${path} is in the package ${count} times`);
  return files;
}

/** Each listed file against the package: missing, modified (size, SHA-256), and files not listed. */
function compareFiles(manifest: Manifest, files: Map<string, Uint8Array>, findings: string[]): void {
  const listed = new Set<string>([manifestPath, signaturePath]);
  for (const file of manifest.files) {
    listed.add(file.path);
    const bytes = files.get(file.path);
    if (bytes === undefined) {
      findings.push(`missing: ${file.path}`);
      continue;
    }
    const sha256 = sha256Hex(bytes);
    if (sha256 === file.sha256 && bytes.byteLength === file.size) continue;
    const size =
      bytes.byteLength === file.size ? '' : `size ${bytes.byteLength}, manifest says ${file.size}; `;
    findings.push(`modified: ${file.path} (${size}sha256 ${sha256}, manifest says ${file.sha256})`);
  }
  for (const path of files.keys()) if (!listed.has(path)) findings.push(`unexpected: ${path}`);
}

/** What the signer recorded that does not hold together (never true of a package vcert sign made). */
function checkClaims(manifest: Manifest, kid: string, findings: string[]): void {
  if (manifest.keyId !== kid)
    findings.push(`signature: the manifest names key ${manifest.keyId}, the key given is ${kid}`);
  const source = manifest.adapterSource;
  if (source) {
    const listed = manifest.files.find((f) => f.path === source.path);
    if (listed?.sha256 !== source.sha256)
      findings.push(`modified: ${source.path} (the manifest's adapterSource is not among its files)`);
    const used = manifest.certification?.adapter?.sha256;
    if (typeof used === 'string' && used.toLowerCase() !== source.sha256)
      findings.push(`modified: ${source.path} (sha256 ${source.sha256}, certification.json says ${used})`);
  }
}

/**
 * Verifies a package read into memory with a public key: the JWS over the manifest, manifest.json
 * against the signed payload, then every file's size and SHA-256. Finds everything, stops at nothing.
 */
export async function verifyPackage(
  entries: readonly PackageEntry[],
  key: SigningKey,
): Promise<Verification> {
  const findings: string[] = [];
  // Entries that are not regular files, or are there twice, come last, with the files.
  const entryFindings: string[] = [];
  const files = filesOf(entries, entryFindings);
  const jws = files.get(signaturePath);
  const stored = files.get(manifestPath);
  let signed: Uint8Array | undefined;
  if (jws === undefined) findings.push(`missing: ${signaturePath} (the package is not signed)`);
  else {
    const check = await checkManifestSignature(jws, key.key, key.kid);
    if ('finding' in check) findings.push(check.finding);
    else signed = check.payload;
  }
  if (stored === undefined) findings.push(`missing: ${manifestPath}`);
  else if (signed && !sameBytes(signed, stored))
    findings.push(`modified: ${manifestPath} (it is not the manifest signed in ${signaturePath})`);
  // Without a good signature the files are still compared, against the manifest the package shows.
  const bytes = signed ?? stored;
  const parsed = bytes === undefined ? undefined : parseManifest(bytes);
  if (parsed === undefined || 'problem' in parsed) {
    if (parsed) findings.push(`manifest: ${parsed.problem}`);
    return { verified: false, findings: [...findings, ...entryFindings], kid: key.kid };
  }
  if (signed) checkClaims(parsed.manifest, key.kid, findings);
  compareFiles(parsed.manifest, files, findings);
  const all = [...findings, ...entryFindings];
  return {
    verified: signed !== undefined && all.length === 0,
    findings: all,
    manifest: parsed.manifest,
    kid: key.kid,
  };
}

/** The lines printed for a verified package: the count, time and key, then what the run certified. */
export function verifiedLines(manifest: Manifest): string[] {
  const lines = [
    `verified: ${manifest.files.length} files, signed ${manifest.signedAt} by key ${manifest.keyId}`,
  ];
  const facts = manifest.certification;
  if (facts?.suiteSha256) lines.push(`suite sha256: ${facts.suiteSha256}`);
  const target = facts?.target;
  if (target?.url) {
    const how = [target.implementation, target.adapter ? `adapter ${target.adapter}` : undefined];
    const detail = how.filter(Boolean).join(', ');
    lines.push(`target: ${target.url}${detail ? ` (${detail})` : ''}`);
  }
  if (manifest.adapterSource)
    lines.push(`adapter: ${manifest.adapterSource.path} sha256 ${manifest.adapterSource.sha256}`);
  else if (facts?.adapter)
    lines.push(
      `adapter: ${Object.entries(facts.adapter)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  return lines;
}
