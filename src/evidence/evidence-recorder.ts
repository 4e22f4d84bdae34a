import { AsyncLocalStorage } from 'node:async_hooks';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Completion } from '../driver/completion.ts';
import type { Driver, PreparedCall } from '../driver/driver.ts';
import type { Exchange, ExchangeListener } from '../driver/exchange.ts';
import type { Operation, OperationId, ResultOf } from '../driver/operation.ts';

/**
 * One line of a scenario's record: an exchange with the target, or a provider state asked of the driver
 * (whose own exchanges follow it, marked `arranging`).
 */
export type EvidenceEntry =
  | {
      kind: 'exchange';
      exchange: Exchange;
      /** The scenario step it belongs to (1-based); 0 before the first step (the session's set-up). */
      step: number;
      /** Calls in flight at the same time share a group; undefined for the driver's own arrangement calls. */
      group?: number;
      /** The top-level call it answered (one per invoke or commit). */
      call?: number;
      arranging: boolean;
      /** Where the request went: the target, or an address the scenario chose (`unreachable`, `fault proxy`). */
      via: string;
    }
  | {
      kind: 'arrange';
      step: number;
      state: ProviderStateName;
      params: unknown;
      result?: unknown;
      error?: string;
    };

interface CallContext {
  group?: number;
  call?: number;
  arranging: boolean;
  via: string;
}

/**
 * Keeps what a scenario exchanged with the target, step by step: drivers opened with its `listener` tell
 * it every exchange, and drivers wrapped by `wrap` tell it which call, which race and which arrangement
 * each exchange belongs to. A failing step's evidence and the scenario's reproducer are made from it.
 */
export class EvidenceRecorder {
  readonly entries: EvidenceEntry[] = [];
  readonly #context = new AsyncLocalStorage<CallContext>();
  #step = 0;
  /** Each step's text and phase (Context, Action or Outcome), by step number less one. */
  readonly #steps: Array<{ text: string; phase: string }> = [];
  #group = 0;
  #calls = 0;
  #inFlight = 0;

  readonly listener: ExchangeListener = (exchange) => {
    const context = this.#context.getStore();
    this.entries.push({
      kind: 'exchange',
      exchange,
      step: this.#step,
      group: context?.arranging ? undefined : context?.group,
      call: context?.call,
      arranging: context?.arranging ?? false,
      via: context?.via ?? 'target',
    });
  };

  /** The scenario moves to its next step. */
  nextStep(text: string, phase: string): void {
    this.#step += 1;
    this.#steps.push({ text, phase });
  }

  /**
   * The steps whose exchanges are the evidence of the current step's failure: the step itself, and for an
   * outcome (Then) the outcomes before it and the actions (When) it judges.
   */
  evidenceSteps(): Array<{ step: number; text: string; exchanges: Exchange[] }> {
    const phaseOf = (n: number) => this.#steps[n - 1]?.phase;
    let first = this.#step;
    if (phaseOf(first) === 'Outcome') {
      while (first > 1 && phaseOf(first - 1) === 'Outcome') first -= 1;
      while (first > 1 && phaseOf(first - 1) === 'Action') first -= 1;
    }
    const out = [];
    for (let n = first; n <= this.#step; n += 1)
      out.push({ step: n, text: this.#steps[n - 1]?.text ?? '', exchanges: this.exchangesOf(n) });
    return out;
  }

  get step(): number {
    return this.#step;
  }

  /** The exchanges of one step (the current one by default). */
  exchangesOf(step = this.#step): Exchange[] {
    return this.entries.flatMap((e) => (e.kind === 'exchange' && e.step === step ? [e.exchange] : []));
  }

  /** The driver, telling this recorder which call each of its exchanges answers. */
  wrap(driver: Driver, via = 'target'): Driver {
    const wrapped: Driver = {
      get name() {
        return driver.name;
      },
      open: (config) => driver.open(config),
      capabilities: () => driver.capabilities(),
      emulated: () => driver.emulated(),
      setup: () => driver.setup(),
      teardown: () => driver.teardown(),
      close: () => driver.close(),
      invoke: <Id extends OperationId>(operation: Operation<Id>) =>
        this.#inCall(via, () => driver.invoke(operation)),
      arrange: <S extends ProviderStateName>(state: S, params: StateParams<S>) =>
        this.#arrange(via, state, params, () => driver.arrange(state, params)),
    };
    if (driver.prepare) {
      const prepare = driver.prepare.bind(driver);
      wrapped.prepare = async <Id extends OperationId>(
        operation: Operation<Id>,
      ): Promise<PreparedCall<ResultOf<Id>>> => {
        const prepared = await this.#context.run({ arranging: false, via }, () => prepare(operation));
        return { commit: () => this.#inCall(via, () => prepared.commit()) };
      };
    }
    return wrapped;
  }

  async #inCall<T extends Completion>(via: string, work: () => Promise<T>): Promise<T> {
    if (this.#inFlight === 0) this.#group += 1;
    this.#calls += 1;
    this.#inFlight += 1;
    try {
      return await this.#context.run({ group: this.#group, call: this.#calls, arranging: false, via }, work);
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #arrange<S extends ProviderStateName>(
    via: string,
    state: S,
    params: StateParams<S>,
    work: () => Promise<Arranged<S>>,
  ): Promise<Arranged<S>> {
    const entry: Extract<EvidenceEntry, { kind: 'arrange' }> = {
      kind: 'arrange',
      step: this.#step,
      state,
      params,
    };
    this.entries.push(entry);
    try {
      const result = await this.#context.run({ arranging: true, via }, work);
      entry.result = result;
      return result;
    } catch (error) {
      entry.error = `${(error as Error).name}: ${(error as Error).message}`;
      throw error;
    }
  }
}
