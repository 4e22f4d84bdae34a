import type { Capability } from '../../spec/capabilities.ts';
import type { Arranged, ProviderStateName, StateParams } from '../../spec/provider-states.ts';
import type { Completion } from './completion.ts';
import type { DriverConfig, Session } from './driver.ts';
import type { AnyOperation } from './operation.ts';

/**
 * What a vendor implements, in a module of its own, to put a system of another shape under the suite
 * (`vcert run --adapter ./my-adapter.ts`). See docs/adapter.md; the kit `voucher-conformance/adapter`
 * gives the types, the operation catalog, the provider states and the error helpers.
 *
 * The module's default export is either an object implementing this interface or a function
 * `(config) => VendorAdapter` (it may be async); a named export `createAdapter` works too.
 */
export interface VendorAdapter {
  readonly name: string;
  /** Connect to the vendor system. */
  open?(config: DriverConfig): Promise<void>;
  /** The capability names (spec/capabilities.ts) the adapter and its system claim. */
  capabilities(): Promise<Capability[]>;
  /**
   * The claimed capabilities the adapter provides itself rather than the vendor's system (for example
   * templates or a sale phase the system does not have). Scenarios that rest on them are reported
   * "emulated", never "passed". Default: none.
   */
  emulated?(): Promise<Capability[]>;
  /**
   * Prepare one scenario's world: a fresh tenant or merchant if the system can make one (isolated: true),
   * otherwise vendor-given keys. Called once per scenario, before any invoke.
   */
  setup?(): Promise<Session>;
  /**
   * Bring the system into a provider state (spec/provider-states.ts) however it can: an admin API, seed
   * data. Throw an error named `CannotArrange` when it cannot: the scenario is then not claimed.
   * Without this method, states are arranged through the contract's own operations via invoke().
   */
  arrange?<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>>;
  /**
   * Perform one contract operation and answer in the contract's terms: `ok` with the success status and a
   * body of the contract's schema, `fail` with the contract's status and a problem whose `code` is from
   * spec/errors.ts, or `info` when the outcome is unknown (a timeout). Answers are checked against the
   * OpenAPI schemas like those of the HTTP driver. Operations the system cannot perform: answer `fail`
   * with status 404 and code `not_found`, and do not claim the capability that needs them.
   * Never pre-check a money rule in the adapter: that hides the vendor's bugs.
   */
  invoke(operation: AnyOperation): Promise<Completion>;
  /**
   * Optional, for an operation that is several requests (a cart, its items, the card, then complete):
   * do everything before the request that moves money and return its `commit`. Races fire the commits
   * together. Nothing may move and nothing a read sees may change before `commit`.
   */
  prepare?(operation: AnyOperation): Promise<{ commit(): Promise<Completion> }>;
  teardown?(): Promise<void>;
  close?(): Promise<void>;
}

export type AdapterFactory = (config: DriverConfig) => VendorAdapter | Promise<VendorAdapter>;
