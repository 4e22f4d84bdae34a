import { gzipSync } from 'node:zlib';
import { Header, Pax } from 'tar';
import type { Member } from './package-manifest.ts';

/**
 * Every entry's fixed metadata: the same members give the same tar bytes on any machine, whoever
 * runs it and whenever (the signing time is inside manifest.json, never in the headers).
 */
const fixed = { mode: 0o644, uid: 0, gid: 0, uname: '', gname: '', mtime: new Date(0) } as const;
const block = 512;

function padding(size: number): Buffer {
  return Buffer.alloc((block - (size % block)) % block);
}

/** The tar headers of one regular file: a PAX header first when the path does not fit ustar. */
function headers(member: Member): Buffer[] {
  const data = { ...fixed, path: member.path, size: member.bytes.byteLength, type: 'File' as const };
  const header = new Header(data);
  const needPax = header.encode();
  const ustar = header.block as Buffer;
  return needPax
    ? [new Pax({ path: member.path, size: data.size, mtime: fixed.mtime }).encode(), ustar]
    : [ustar];
}

/** A ustar archive of MEMBERS in the order given, then gzip: the package's bytes. */
export function tarGz(members: readonly Member[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const member of members) {
    parts.push(...headers(member), member.bytes, padding(member.bytes.byteLength));
  }
  // The end of an archive: two zero blocks.
  parts.push(Buffer.alloc(2 * block));
  return gzipSync(Buffer.concat(parts));
}
