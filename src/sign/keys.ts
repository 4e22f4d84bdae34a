import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { CannotRun, fileReason } from './cannot-run.ts';

/** The file names `vcert keygen` writes. */
export const keyFileNames = { privateKey: 'vcert-signing.key', publicKey: 'vcert-signing.pub' };

/** A key read from a PEM file, with its key id. */
export interface SigningKey {
  key: KeyObject;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
  kid: string;
}

/** The key id of an Ed25519 public key: its RFC 7638 JWK thumbprint. */
export function keyId(publicKey: KeyObject): Promise<string> {
  return calculateJwkThumbprint(publicKey.export({ format: 'jwk' }) as JWK, 'sha256');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes a new Ed25519 key pair into DIR (made if missing): the private key as PKCS#8 PEM readable by
 * its owner only (0600), the public key as SPKI PEM. Refuses when either file is there already.
 */
export async function writeKeyPair(
  dir: string,
): Promise<{ privateKey: string; publicKey: string; kid: string }> {
  const privatePath = join(dir, keyFileNames.privateKey);
  const publicPath = join(dir, keyFileNames.publicKey);
  for (const path of [privatePath, publicPath])
    if (await exists(path)) throw new CannotRun(`${path} exists already: keygen never overwrites a key`);
  const pair = generateKeyPairSync('ed25519');
  try {
    await mkdir(dir, { recursive: true });
    // 'wx': a file made in the meantime is not overwritten either.
    await writeFile(privatePath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      flag: 'wx',
      mode: 0o600,
    });
    await writeFile(publicPath, pair.publicKey.export({ type: 'spki', format: 'pem' }), {
      flag: 'wx',
      mode: 0o644,
    });
  } catch (error) {
    throw new CannotRun(`cannot write the key pair into ${dir}: ${fileReason(error)}`);
  }
  return { privateKey: privatePath, publicKey: publicPath, kid: await keyId(pair.publicKey) };
}

async function readPem(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CannotRun(`cannot read the ${what} ${file}: ${fileReason(error)}`);
  }
}

function requireEd25519(key: KeyObject, file: string, what: string): void {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new CannotRun(
      `${file} is a ${key.asymmetricKeyType} key, not the Ed25519 ${what} vcert signs with`,
    );
}

/** The Ed25519 private key of a PKCS#8 PEM file, and the id of its public key. */
export async function readPrivateKey(file: string): Promise<SigningKey> {
  const pem = await readPem(file, 'private key');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new CannotRun(`${file} is not a private key in PEM (PKCS#8), as vcert keygen writes`);
  }
  requireEd25519(key, file, 'private key');
  return { key, kid: await keyId(createPublicKey(key)) };
}

/** The Ed25519 public key of an SPKI PEM file (or the public half of a private key file), and its id. */
export async function readPublicKey(file: string): Promise<SigningKey> {
  const pem = await readPem(file, 'public key');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new CannotRun(`${file} is not a public key in PEM (SPKI), as vcert keygen writes`);
  }
  requireEd25519(key, file, 'public key');
  return { key, kid: await keyId(key) };
}
