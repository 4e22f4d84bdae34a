import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Capability } from '../../spec/capabilities.ts';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import { CanonicalArranger } from './arrange/canonical-arranger.ts';
import type { Completion } from './completion.ts';
import { contractValidator, withContractCheck } from './contract-check.ts';
import type { Driver, DriverConfig, PreparedCall, Session } from './driver.ts';
import { flowAdapter, isFlowAdapter } from './flow-adapter.ts';
import type { AnyOperation, Operation, OperationId, ResultOf } from './operation.ts';
import { routeOf } from './route-table.ts';
import type { AdapterFactory, VendorAdapter } from './vendor-adapter.ts';

function isAdapter(value: unknown): value is VendorAdapter {
  return !!value && typeof value === 'object' && typeof (value as VendorAdapter).invoke === 'function';
}

function isCompletion(value: unknown): value is Completion {
  const c = value as Completion | null;
  if (!c || typeof c !== 'object') return false;
  if (c.completion === 'info') return typeof c.error === 'string';
  if (c.completion !== 'ok' && c.completion !== 'fail') return false;
  return (
    Number.isInteger(c.status) && (c.completion === 'ok' || (!!c.problem && typeof c.problem === 'object'))
  );
}

/** The operation as evidence: a key given in `auth` is shown by its first characters only. */
function withoutKey(operation: object): object {
  const auth = (operation as { auth?: unknown }).auth;
  if (!auth || typeof auth !== 'object' || !('key' in auth)) return operation;
  const key = String((auth as { key: unknown }).key);
  return {
    ...operation,
    auth: { key: `${key.slice(0, Math.min(12, Math.floor(key.length / 2)))}…(redacted)` },
  };
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Imports a vendor adapter module and makes the adapter for one driver. */
export async function loadAdapter(file: string, config: DriverConfig): Promise<VendorAdapter> {
  const url = pathToFileURL(isAbsolute(file) ? file : resolve(process.cwd(), file)).href;
  const mod = (await import(url)) as { default?: unknown; createAdapter?: unknown };
  const exported = mod.createAdapter ?? mod.default;
  // A transport-free adapter (plain JavaScript flows, which k6 runs too): Node sends its requests.
  if (isFlowAdapter(exported)) return flowAdapter(exported, config);
  const adapter = typeof exported === 'function' ? await (exported as AdapterFactory)(config) : exported;
  if (!isAdapter(adapter)) {
    throw new Error(
      `${file}: expected a default export (or createAdapter) giving a VendorAdapter with invoke(), or a transport-free adapter with operations`,
    );
  }
  return adapter;
}

/**
 * A Driver over a vendor's adapter module. Fills in the optional lifecycle, gives every mutating call an
 * Idempotency-Key (the caller's or a new one), turns an exception thrown by the adapter into `info`
 * (outcome unknown) and checks each answer against the contract's schemas, attaching what departs from
 * them as the answer's `violations`.
 */
export class AdapterDriver implements Driver {
  readonly #file: string;
  #adapter: VendorAdapter | undefined;
  #arranger: CanonicalArranger | undefined;
  #validate = true;
  #onExchange: DriverConfig['onExchange'];
  name = 'adapter';

  constructor(file: string) {
    this.#file = file;
  }

  async open(config: DriverConfig): Promise<void> {
    const adapter = await loadAdapter(this.#file, config);
    this.#adapter = adapter;
    this.name = `adapter:${adapter.name}`;
    this.#validate = config.validate !== false;
    this.#onExchange = config.onExchange;
    if (this.#validate) contractValidator();
    await adapter.open?.(config);
  }

  #get(): VendorAdapter {
    if (!this.#adapter) throw new Error('AdapterDriver: used before open');
    return this.#adapter;
  }

  capabilities(): Promise<Capability[]> {
    return this.#get().capabilities();
  }

  async emulated(): Promise<Capability[]> {
    return (await this.#get().emulated?.()) ?? [];
  }

  /** The adapter's own arrangement, else the contract's operations through its invoke(). */
  arrange<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>> {
    const adapter = this.#get();
    if (adapter.arrange) return adapter.arrange(state, params);
    this.#arranger ??= new CanonicalArranger(
      (operation) => this.invoke(operation),
      () => adapter.capabilities(),
    );
    return this.#arranger.arrange(state, params);
  }

  /** The adapter's split at the money request, checked like invoke's answers; else nothing before. */
  async prepare<Id extends OperationId>(operation: Operation<Id>): Promise<PreparedCall<ResultOf<Id>>> {
    const adapter = this.#get();
    const keyed = this.#keyed(operation);
    if (!adapter.prepare) return { commit: () => this.invoke(keyed) };
    let prepared: { commit(): Promise<Completion> };
    try {
      prepared = await adapter.prepare(keyed as unknown as AnyOperation);
    } catch (error) {
      const failed = this.#thrown(error, keyed.idempotencyKey);
      return { commit: async () => failed as Completion<ResultOf<Id>> };
    }
    return { commit: () => this.#answer(keyed, () => prepared.commit()) };
  }

  async setup(): Promise<Session> {
    this.#arranger = undefined; // a new session: what was arranged for the last one is not this one's
    return (await this.#get().setup?.()) ?? { tenantId: null, keys: {}, isolated: false };
  }

  async invoke<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
    const keyed = this.#keyed(operation);
    return this.#answer(keyed, () => this.#get().invoke(keyed as unknown as AnyOperation));
  }

  /** Every mutating call carries an Idempotency-Key: the caller's, or a new one. */
  #keyed<Id extends OperationId>(operation: Operation<Id>): Operation<Id> {
    if (!routeOf(operation.operationId).mutating) return operation;
    return { ...operation, idempotencyKey: operation.idempotencyKey ?? randomUUID() };
  }

  #thrown(error: unknown, idempotencyKey: string | undefined): Completion {
    return { completion: 'info', error: `adapter threw: ${(error as Error).message}`, idempotencyKey };
  }

  /** The adapter's answer, as a completion checked against the contract; a throw is an unknown outcome. */
  async #answer<Id extends OperationId>(
    operation: Operation<Id>,
    call: () => Promise<Completion>,
  ): Promise<Completion<ResultOf<Id>>> {
    const started = performance.now();
    const startedAt = new Date().toISOString();
    const answer = await this.#completion(operation, call);
    this.#onExchange?.({
      kind: 'adapter',
      operationId: operation.operationId,
      operation: withoutKey(operation),
      completion: answer,
      startedAt,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    return answer;
  }

  async #completion<Id extends OperationId>(
    operation: Operation<Id>,
    call: () => Promise<Completion>,
  ): Promise<Completion<ResultOf<Id>>> {
    const idempotencyKey = operation.idempotencyKey;
    let answer: Completion;
    try {
      const given = await call();
      if (!isCompletion(given))
        return {
          completion: 'info',
          error: `adapter answered no completion: ${show(given)}`,
          idempotencyKey,
        };
      answer = { ...given, idempotencyKey };
    } catch (error) {
      return this.#thrown(error, idempotencyKey) as Completion<ResultOf<Id>>;
    }
    if (answer.completion === 'info' || !this.#validate) return answer as Completion<ResultOf<Id>>;
    const [contentType, body] =
      answer.completion === 'ok'
        ? ['application/json', answer.body]
        : ['application/problem+json', answer.problem];
    return withContractCheck(operation.operationId, answer as Completion<ResultOf<Id>>, contentType, body);
  }

  async teardown(): Promise<void> {
    await this.#adapter?.teardown?.();
  }

  async close(): Promise<void> {
    await this.#adapter?.close?.();
  }
}
