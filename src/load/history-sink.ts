import { closeSync, openSync, writeSync } from 'node:fs';
import type { Operation } from '../history/operation.ts';
import { invokedOf, loadMeta, operationOf, originOf } from './history-from-k6.ts';
import type { K6Point } from './k6-samples.ts';
import type { SetupRecord } from './setup-record.ts';

/** What a history sink wrote: how many operations, and how many of each operation and completion. */
export interface HistoryWritten {
  path: string;
  operations: number;
  /** `createHold/ok` → count. */
  counts: Record<string, number>;
  /** Each client's number of operations (the last `index` it was given). */
  clients: Record<string, number>;
}

const flushAt = 1 << 20;

/** JSON text that can stand in a line as it is: not empty, and on one line. */
const inline = (text: string | undefined): text is string =>
  text !== undefined && text !== '' && !text.includes('\n') && !text.includes('\r');

/**
 * An operation's history line (the fields of src/history/operation.ts), with its arguments and result as
 * the JSON texts k6 recorded when they are that JSON: writing them out again would cost more than all
 * the rest of the line.
 */
function historyLine(op: Operation, argsText?: string, resultText?: string): string {
  const text = JSON.stringify;
  const args = inline(argsText) ? argsText : text(op.args);
  const result = inline(resultText) ? resultText : text(op.result);
  return `{"client":${text(op.client)},"op":"${op.op}","voucher":${text(op.voucher)}${
    op.target !== undefined ? `,"target":${text(op.target)}` : ''
  },"args":${args},"key":${op.key === null ? 'null' : text(op.key)},"invokedAt":${op.invokedAt},"completedAt":${
    op.completedAt
  },"completion":"${op.completion}","result":${result}${op.status !== undefined ? `,"status":${op.status}` : ''}${
    op.violations ? `,"violations":${text(op.violations)}` : ''
  }${op.index !== undefined ? `,"index":${op.index}` : ''}}`;
}

/**
 * Writes a load run's history (NDJSON, src/history) as k6's `vcert_op` samples are read, one line per
 * operation in the order read, numbered per client (`index`), so that a run of any size is never held
 * in memory. Times count from the
 * setup's start: until the setup is known (a single k6 process records it before its first iteration)
 * the samples wait; a run that recorded none counts from its first call, as historyFromK6 does. An
 * operation called before the setup's start (a machine whose clock is behind) starts at 0: a wider
 * interval only allows more orders, it never hides a violation of money bounds.
 */
export class HistorySink {
  private readonly file: number;
  private setup: SetupRecord | null = null;
  private originMs: number | null = null;
  private waiting: K6Point[] = [];
  private pending: string[] = [];
  private size = 0;
  /** Each client's operation number so far: two answers alike of one client stay two operations. */
  private readonly numbers = new Map<string, number>();
  private readonly written: HistoryWritten;
  private readonly target: string | undefined;

  private readonly meta: boolean;

  /** `meta: false`: a later part of a history read in parts (only the first has the meta line). */
  constructor(path: string, target?: string, setup?: SetupRecord | null, meta = true) {
    this.target = target;
    this.meta = meta;
    this.file = openSync(path, 'w');
    this.written = { path, operations: 0, counts: {}, clients: {} };
    if (setup) this.useSetup(setup);
  }

  /** The run's setup: the meta line is written, and the samples that waited for it. */
  useSetup(setup: SetupRecord): void {
    if (this.originMs !== null) return;
    this.setup = setup;
    this.start(originOf(setup, Number.POSITIVE_INFINITY));
  }

  add(point: K6Point): void {
    if (this.originMs === null) this.waiting.push(point);
    else this.write(operationOf(point, this.originMs, true));
  }

  /** Writes what waited and closes the file. */
  close(): HistoryWritten {
    if (this.originMs === null) {
      let first = Number.POSITIVE_INFINITY;
      for (const point of this.waiting) first = Math.min(first, invokedOf(point));
      this.start(originOf(null, first));
    }
    this.flush();
    closeSync(this.file);
    this.written.clients = Object.fromEntries(this.numbers);
    return this.written;
  }

  private start(originMs: number): void {
    this.originMs = originMs;
    if (this.meta) this.line(JSON.stringify(loadMeta(this.setup, this.target)));
    const waiting = this.waiting;
    this.waiting = [];
    for (const point of waiting) this.write(operationOf(point, originMs, true));
  }

  private write(made: ReturnType<typeof operationOf>): void {
    if (!made) return;
    const op = made.op;
    const index = (this.numbers.get(op.client) ?? 0) + 1;
    this.numbers.set(op.client, index);
    op.index = index;
    this.written.operations += 1;
    const key = `${op.op}/${op.completion}`;
    this.written.counts[key] = (this.written.counts[key] ?? 0) + 1;
    this.line(historyLine(op, made.argsText, made.resultText));
  }

  private line(text: string): void {
    this.pending.push(text);
    this.size += text.length + 1;
    if (this.size >= flushAt) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.file, `${this.pending.join('\n')}\n`);
    this.pending = [];
    this.size = 0;
  }
}
