import { RepeatedOperationError } from './history-format-error.ts';
import type { Operation } from './operation.ts';

const denseLimit = 1 << 22;

/** Where each client's numbered operations were seen: a growable array while numbers stay dense. */
export class ClientLines {
  dense = new Int32Array(64);
  sparse: Map<number, number> | undefined;

  /** The line the operation was first seen on, or 0; notes `line` for it otherwise. */
  seen(index: number, line: number): number {
    if (index >= denseLimit) {
      this.sparse ??= new Map();
      const first = this.sparse.get(index) ?? 0;
      if (first === 0) this.sparse.set(index, line);
      return first;
    }
    if (index >= this.dense.length) {
      let size = this.dense.length;
      while (size <= index) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.dense);
      this.dense = grown;
    }
    const first = this.dense[index] ?? 0;
    if (first === 0) this.dense[index] = line;
    return first;
  }
}

/**
 * Refuses an operation recorded twice: the same client and operation number on two lines (or, in a
 * history without numbers, the same line twice). A history that repeats lines would count money twice.
 */
export class OperationNumbers {
  readonly #clients = new Map<string, ClientLines>();
  readonly #unnumbered = new Map<string, number>();

  note(op: Operation, text: string, line: number): void {
    let first: number;
    if (op.index === undefined) {
      first = this.#unnumbered.get(text) ?? 0;
      if (first === 0) this.#unnumbered.set(text, line);
    } else {
      let lines = this.#clients.get(op.client);
      if (!lines) {
        lines = new ClientLines();
        this.#clients.set(op.client, lines);
      }
      first = lines.seen(op.index, line);
    }
    if (first !== 0) {
      const which =
        op.index === undefined ? 'the same operation' : `operation ${op.index} of client ${op.client}`;
      throw new RepeatedOperationError(
        line,
        `repeats ${which} (line ${first}): a history records each operation once`,
      );
    }
  }
}
