import { Worker } from 'node:worker_threads';
import type { CheckContext, CheckDone, CheckShare, ReadDone, ReadShare } from './check-thread.ts';
import { type CallKind, CheckThread, type Claimed, type ClaimKind } from './check-thread.ts';

/** Tasks a thread for work cut ahead to be claimed (ThreadPool.claim): the last one claimed is short. */
export const tasksAThread = 16;

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * The threads that check a history: the main thread (slot 0, which does its share in between) and
 * `workers` worker threads. Shares travel as plain data whose typed arrays sit on SharedArrayBuffers,
 * so nothing large is copied. Workers are started at once, as their start-up (tens of ms) overlaps
 * the main thread's reading of the files. A worker that fails (an error, an exit) fails every call
 * waiting on it and every later one, with one line: nothing waits on a dead worker.
 */
export class ThreadPool {
  readonly main = new CheckThread();
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<number, Pending>();
  #failed: Error | undefined;
  #closing = false;
  #next = 0;

  /** `script` is what each worker runs (check-worker.ts; tests give one that fails). */
  constructor(workers: number, script = new URL('./check-worker.ts', import.meta.url)) {
    for (let k = 0; k < workers; k++) {
      const worker = new Worker(script);
      worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.error !== undefined) pending?.reject(new Error(`check worker: ${message.error}`));
        else pending?.resolve(message.result as never);
      });
      worker.on('error', (error) => this.#fail(new Error(`check worker: ${oneLine(error.message)}`)));
      worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`check worker stopped (exit code ${code})`));
      });
      this.#workers.push(worker);
    }
  }

  /** Slots: the main thread and the workers. */
  get size(): number {
    return this.#workers.length + 1;
  }

  read(slot: number, share: ReadShare): Promise<ReadDone> {
    return slot === 0 ? Promise.resolve(this.main.read(share)) : this.#call(slot, 'read', share);
  }

  /** Sends every thread what the shares that follow are checked against (once: it takes a while to copy). */
  async prepare(context: CheckContext): Promise<void> {
    this.main.prepare(context);
    await Promise.all(this.#workers.map((_, k) => this.#call(k + 1, 'prepare', context)));
  }

  check(slot: number, share: CheckShare): Promise<CheckDone> {
    return slot === 0 ? Promise.resolve(this.main.check(share)) : this.#call(slot, 'check', share);
  }

  /**
   * Runs every task on whichever thread claims it first, results in task order, with the slot that ran
   * each: for work that cannot be cut evenly ahead (a worker starts later than the main thread, a busy
   * machine slows one thread). Every thread takes its next task from a counter they share, so a worker
   * goes on while the main thread is busy with work of its own; `join` makes the main thread claim what
   * is left (when it is free), then waits for all.
   */
  claim<R>(kind: ClaimKind, tasks: readonly unknown[]): { join: () => Promise<R[]>; slots: number[] } {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const results: R[] = new Array(tasks.length);
    const slots: number[] = new Array(tasks.length);
    const keep = (slot: number, done: Claimed) => {
      for (let k = 0; k < done.length; k += 2) {
        slots[done[k] as number] = slot;
        results[done[k] as number] = done[k + 1] as R;
      }
    };
    const workers = this.#workers.map((_, k) =>
      this.#call<Claimed>(k + 1, 'claim', { kind, tasks, counter }).then((done) => keep(k + 1, done)),
    );
    for (const promise of workers) promise.catch(() => {});
    const join = async () => {
      keep(0, this.main.claim(kind, tasks, counter));
      await Promise.all(workers);
      return results;
    };
    return { join, slots };
  }

  /** The CPU time each thread has used so far (ms), the main thread first. */
  async cpuMs(): Promise<number[]> {
    const workers = await Promise.all(this.#workers.map((_, k) => this.#call<number>(k + 1, 'cpu', null)));
    return [this.main.cpuMs(), ...workers];
  }

  /** Stops every worker; a call still waiting fails (one line), it never waits forever. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#fail(new Error('check worker stopped: the check was closed'));
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #call<R>(slot: number, kind: CallKind, share: unknown): Promise<R> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    const worker = this.#workers[slot - 1] as Worker;
    return new Promise<R>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: never) => void, reject });
      worker.postMessage({ id, kind, share });
    });
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#failed);
    this.#pending.clear();
  }
}

export function oneLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
