import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Capability } from '../../spec/capabilities.ts';
import { ContractViolation } from '../contract/contract-violation.ts';
import { ResponseValidator } from '../contract/response-validator.ts';
import type { Completion } from './completion.ts';
import type { Driver, DriverConfig, Session } from './driver.ts';
import type { AnyOperation, Operation, OperationId, ResultOf } from './operation.ts';
import { routeOf } from './route-table.ts';
import type { AdapterFactory, VendorAdapter } from './vendor-adapter.ts';

let sharedValidator: ResponseValidator | undefined;

function isAdapter(value: unknown): value is VendorAdapter {
  return !!value && typeof value === 'object' && typeof (value as VendorAdapter).invoke === 'function';
}

/** Imports a vendor adapter module and makes the adapter for one driver. */
export async function loadAdapter(file: string, config: DriverConfig): Promise<VendorAdapter> {
  const url = pathToFileURL(isAbsolute(file) ? file : resolve(process.cwd(), file)).href;
  const mod = (await import(url)) as { default?: unknown; createAdapter?: unknown };
  const exported = mod.createAdapter ?? mod.default;
  const adapter = typeof exported === 'function' ? await (exported as AdapterFactory)(config) : exported;
  if (!isAdapter(adapter)) {
    throw new Error(
      `${file}: expected a default export (or createAdapter) giving a VendorAdapter with invoke()`,
    );
  }
  return adapter;
}

/**
 * A Driver over a vendor's adapter module. Fills in the optional lifecycle, gives every mutating call an
 * Idempotency-Key (the caller's or a new one), turns an exception thrown by
 * the adapter into `info` (outcome unknown) and checks each answer against the contract's schemas.
 */
export class AdapterDriver implements Driver {
  readonly #file: string;
  #adapter: VendorAdapter | undefined;
  #validate = true;
  name = 'adapter';

  constructor(file: string) {
    this.#file = file;
  }

  async open(config: DriverConfig): Promise<void> {
    const adapter = await loadAdapter(this.#file, config);
    this.#adapter = adapter;
    this.name = `adapter:${adapter.name}`;
    this.#validate = config.validate !== false;
    if (this.#validate) sharedValidator ??= new ResponseValidator();
    await adapter.open?.(config);
  }

  #get(): VendorAdapter {
    if (!this.#adapter) throw new Error('AdapterDriver: used before open');
    return this.#adapter;
  }

  capabilities(): Promise<Capability[]> {
    return this.#get().capabilities();
  }

  async setup(): Promise<Session> {
    return (await this.#get().setup?.()) ?? { tenantId: null, keys: {}, isolated: false };
  }

  async invoke<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>> {
    const idempotencyKey = routeOf(operation.operationId).mutating
      ? (operation.idempotencyKey ?? randomUUID())
      : undefined;
    const keyed = idempotencyKey ? { ...operation, idempotencyKey } : operation;
    let answer: Completion;
    try {
      answer = { ...(await this.#get().invoke(keyed as unknown as AnyOperation)), idempotencyKey };
    } catch (error) {
      return { completion: 'info', error: `adapter threw: ${(error as Error).message}`, idempotencyKey };
    }
    if (answer.completion !== 'info' && this.#validate && sharedValidator) {
      const violations = sharedValidator.check({
        operationId: operation.operationId,
        status: answer.status,
        contentType: answer.completion === 'ok' ? 'application/json' : 'application/problem+json',
        body: answer.completion === 'ok' ? answer.body : answer.problem,
      });
      if (violations.length > 0)
        throw new ContractViolation(operation.operationId, answer.status, violations);
    }
    return answer as Completion<ResultOf<Id>>;
  }

  async teardown(): Promise<void> {
    await this.#adapter?.teardown?.();
  }

  async close(): Promise<void> {
    await this.#adapter?.close?.();
  }
}
