import type { KeyObject } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, errors } from 'jose';

/** The JWS `typ` of a signed manifest. */
export const manifestType = 'vcert-manifest+json';

/** manifest.jws: a compact JWS (EdDSA) whose payload is exactly the manifest's bytes. */
export function signManifest(manifest: Uint8Array, privateKey: KeyObject, kid: string): Promise<string> {
  return new CompactSign(manifest)
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: manifestType })
    .sign(privateKey);
}

/** The signed payload, or why it cannot be trusted (one finding, as `vcert verify` prints it). */
export type SignatureCheck = { payload: Uint8Array; kid: string } | { finding: string };

function headerKid(jws: string): string | undefined {
  try {
    const kid = decodeProtectedHeader(jws).kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/** Checks manifest.jws with the public key whose id is KID. */
export async function checkManifestSignature(
  jwsBytes: Uint8Array,
  publicKey: KeyObject,
  kid: string,
): Promise<SignatureCheck> {
  const jws = new TextDecoder().decode(jwsBytes).trim();
  const signedBy = headerKid(jws);
  const signer = signedBy === undefined ? 'no kid' : `kid ${signedBy}`;
  try {
    const { payload, protectedHeader } = await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
    if (protectedHeader.typ !== manifestType)
      return { finding: `signature: the JWS typ is ${String(protectedHeader.typ)}, not ${manifestType}` };
    if (signedBy !== kid)
      return { finding: `signature: verifies, but its header names ${signer}, not ${kid}` };
    return { payload, kid };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return {
        finding:
          signedBy === kid
            ? `signature: does not verify with this key (kid ${kid}): manifest.jws was changed`
            : `signature: does not verify with this key (${signer}; the key given is ${kid})`,
      };
    if (error instanceof errors.JOSEAlgNotAllowed)
      return { finding: `signature: not EdDSA (${(error as Error).message})` };
    return { finding: `signature: manifest.jws is not a compact JWS (${(error as Error).message})` };
  }
}
