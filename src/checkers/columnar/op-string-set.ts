import type { HistoryColumns } from '../../history/history-columns.ts';

/**
 * A set of operations' string fields (result ids, keys, hold ids), by the hash the columns keep of
 * them, comparing the strings on equal hashes. No JavaScript string is made for the common case.
 */
export class OpStringSet {
  readonly #history: HistoryColumns;
  readonly #field: number;
  readonly #hashes: Int32Array;
  // Sets are made per voucher (about a hundred operations each): starting at 256 slots spares the
  // growing, which cost more than the lookups.
  #slots = new Int32Array(256).fill(-1);
  #count = 0;

  constructor(history: HistoryColumns, field: number, hashes: Int32Array) {
    this.#history = history;
    this.#field = field;
    this.#hashes = hashes;
  }

  /** The operation already holding the same string as operation i's, or -1 after adding i. */
  addOrFind(i: number): number {
    const hash = this.#hashes[i] as number;
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const other = this.#slots[slot] as number;
      if (other < 0) {
        this.#slots[slot] = i;
        if (++this.#count * 2 > mask) this.#grow();
        return -1;
      }
      if (this.#hashes[other] === hash && this.#history.same(other, this.#field, i, this.#field))
        return other;
    }
  }

  /** The operation in the set holding the same string as operation i's, or -1. */
  find(i: number): number {
    const hash = this.#hashes[i] as number;
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const other = this.#slots[slot] as number;
      if (other < 0) return -1;
      if (this.#hashes[other] === hash && this.#history.same(other, this.#field, i, this.#field))
        return other;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Int32Array(old.length * 2).fill(-1);
    const mask = this.#slots.length - 1;
    for (const i of old) {
      if (i < 0) continue;
      let slot = (this.#hashes[i] as number) & mask;
      while ((this.#slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.#slots[slot] = i;
    }
  }
}
