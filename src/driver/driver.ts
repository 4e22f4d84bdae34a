import type { Capability, Role } from '../../spec/capabilities.ts';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Completion } from './completion.ts';
import type { ExchangeListener } from './exchange.ts';
import type { Operation, OperationId, ResultOf } from './operation.ts';

/** Where and how to reach the system under test. */
export interface DriverConfig {
  /** Base URL of the implementation, e.g. http://127.0.0.1:8080 (an adapter may read it as it likes). */
  target: string;
  /** Keys given by the vendor, used when the target cannot create tenants through test control. */
  apiKeys?: Partial<Record<Role, string>>;
  /** Per-request timeout in milliseconds; past it the completion is `info`. Default 10 000. */
  timeoutMs?: number;
  /** Check every answer against the OpenAPI document (default true). */
  validate?: boolean;
  /** Receives every exchange with the target, as evidence (HTTP requests and responses, or adapter calls). */
  onExchange?: ExchangeListener;
}

/** What setup() gives: the keys of one tenant, and whether that tenant is the scenario's own. */
export interface Session {
  tenantId: string | null;
  keys: Partial<Record<Role, string>>;
  /** true when setup created a fresh tenant (test control); false when it uses shared vendor-given keys. */
  isolated: boolean;
}

/**
 * An operation split where the money moves: `prepare` did what comes before (a cart, its items, the card
 * applied) and moved nothing; `commit` sends the request that moves money. Races line the commits up.
 */
export interface PreparedCall<B = unknown> {
  commit(): Promise<Completion<B>>;
}

/**
 * The one seam between the harness and a system under test, with the lifecycle of a Jepsen client:
 * open (connect) → setup (a tenant and its keys) → arrange* (provider states) → invoke* → teardown → close.
 * Steps, simulators and property tests only ever see this interface.
 */
export interface Driver {
  readonly name: string;
  open(config: DriverConfig): Promise<void>;
  /** The capability names the target claims. */
  capabilities(): Promise<Capability[]>;
  /** The claimed capabilities whose behaviour the adapter itself provides, not the vendor's system. */
  emulated(): Promise<Capability[]>;
  setup(): Promise<Session>;
  /**
   * Brings the system into a provider state (spec/provider-states.ts). Throws CannotArrange (by name)
   * when the system cannot be brought there: the scenario is then not claimed.
   */
  arrange<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>>;
  invoke<Id extends OperationId>(operation: Operation<Id>): Promise<Completion<ResultOf<Id>>>;
  /** Optional: the operation up to the request that moves money (see PreparedCall); default: nothing before. */
  prepare?<Id extends OperationId>(operation: Operation<Id>): Promise<PreparedCall<ResultOf<Id>>>;
  teardown(): Promise<void>;
  close(): Promise<void>;
}
