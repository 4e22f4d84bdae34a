/**
 * Zobrist hashing of a set of operations: each operation gets two random 32-bit words, a set is the
 * XOR of its members' words, so placing or removing one is a single XOR. Deterministic (seeded), so a
 * search is replayable. The key packs 53 of the 64 bits into a number.
 */
import type { PlacedKeys } from './placed-set.ts';

export class PlacedHash implements PlacedKeys {
  private readonly high: Int32Array;
  private readonly low: Int32Array;
  private h = 0;
  private l = 0;

  constructor(size: number) {
    this.high = new Int32Array(size);
    this.low = new Int32Array(size);
    let seed = 0x9e3779b9;
    const next = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return t ^ (t >>> 14);
    };
    for (let i = 0; i < size; i++) {
      this.high[i] = next();
      this.low[i] = next();
    }
  }

  /** Adds the operation to the set, or removes it when it is in the set (`on` says which; XOR needs no telling). */
  toggle(op: number, _on?: boolean): void {
    this.h ^= this.high[op] as number;
    this.l ^= this.low[op] as number;
  }

  /** The set's key: 21 bits of one word and 32 of the other. */
  key(): number {
    return (this.h & 0x1fffff) * 0x100000000 + (this.l >>> 0);
  }
}
