/**
 * A 32-bit hash of a string (FNV-1a over its UTF-16 code units, then mixed), and the same hash of
 * ASCII bytes, which equals the hash of the string they spell: a column can hash a string in the
 * history's bytes without making a JavaScript string of it. Tables built on it compare the strings
 * themselves on equal hashes, so a collision costs a comparison, never a wrong answer.
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** The hash of the ASCII bytes `bytes[start..end)`: hashString of the same characters. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return mix(h);
}

function mix(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Whether the ASCII bytes `bytes[start..end)` spell `text`. */
export function bytesEqualString(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}
