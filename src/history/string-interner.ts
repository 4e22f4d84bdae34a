import { bytesEqualString, hashBytes, hashString } from './string-hash.ts';

/**
 * Numbers the distinct strings of a column (vouchers, clients, refusal codes) in order of first
 * appearance. A string read from the history's bytes is looked up by the hash of its bytes and
 * compared byte by byte, so the common case makes no JavaScript string at all.
 */
export class StringInterner {
  readonly strings: string[] = [];
  #hashes = new Int32Array(64);
  #slots = new Int32Array(64).fill(-1);
  #mask = 63;

  /** The number of the ASCII string in `bytes[start..end)`. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const id = this.#slots[slot] as number;
      if (id < 0) return this.#add(latin1(bytes, start, end), hash, slot);
      if (this.#hashes[slot] === hash && bytesEqualString(bytes, start, end, this.strings[id] as string))
        return id;
    }
  }

  /** The number of `text`. */
  intern(text: string): number {
    const hash = hashString(text);
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const id = this.#slots[slot] as number;
      if (id < 0) return this.#add(text, hash, slot);
      if (this.#hashes[slot] === hash && this.strings[id] === text) return id;
    }
  }

  #add(text: string, hash: number, slot: number): number {
    const id = this.strings.length;
    this.strings.push(text);
    this.#slots[slot] = id;
    this.#hashes[slot] = hash;
    if (this.strings.length * 2 > this.#mask) this.#grow();
    return id;
  }

  #grow(): void {
    const size = (this.#mask + 1) * 2;
    const hashes = new Int32Array(size);
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let old = 0; old <= this.#mask; old++) {
      const id = this.#slots[old] as number;
      if (id < 0) continue;
      const hash = this.#hashes[old] as number;
      let slot = hash & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
      hashes[slot] = hash;
    }
    this.#hashes = hashes;
    this.#slots = slots;
    this.#mask = mask;
  }
}

/** ASCII bytes as a string. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
