/**
 * Types of the adapter kit (`voucher-conformance/adapter`). docs/adapter.md tells how to write an
 * adapter; the contract's names (OperationId, Capability, ErrorCode …) are generated from spec/.
 */
import type { Capability, OperationId, ProviderStateName } from './contract.js';

export * from './contract.js';

export type Role = 'pos' | 'webshop' | 'backoffice';
export type Policy = 'balance-guard' | 'exclusive-hold' | 'amount-holds' | 'redeem-entire';
export type VoucherState =
  | 'prepared'
  | 'activating'
  | 'activated'
  | 'refunding'
  | 'refunded'
  | 'redeemed'
  | 'expired'
  | 'canceled';

/** Money: integer minor units and an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** RFC 9457 problem details with the catalog's `code` and its extensions (available, refundable, state …). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  [extension: string]: unknown;
}

/** An answer in the contract's terms: ok, a refusal, or an unknown outcome. */
export type Completion =
  | { completion: 'ok'; status: number; body: unknown }
  | { completion: 'fail'; status: number; problem: Problem }
  | { completion: 'info'; error: string };

/** How the request authenticates: with a role's key, a given key (not the vendor's: refuse it), or none. */
export type Auth = { role: Role } | { key: string } | 'none';

/** One call of the contract. `body` follows the contract's request schema; `rawBody` replaces it in negative tests. */
export interface Operation {
  operationId: OperationId;
  auth?: Auth;
  params?: { id?: string } & Record<string, unknown>;
  query?: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: the body's shape depends on the operation (see the contract).
  body?: any;
  rawBody?: unknown;
  /** On every mutating operation: the same key and request must replay the first answer. */
  idempotencyKey?: string;
}

export interface DriverConfig {
  target: string;
  apiKeys?: Partial<Record<Role, string>>;
  timeoutMs?: number;
  validate?: boolean;
}

export interface Session {
  tenantId: string | null;
  keys: Partial<Record<Role, string>>;
  isolated: boolean;
}

/** Provider states (as in Pact): what the scenario asks the system to be in before the behaviour under test. */
export interface VoucherTypeParams {
  key: string;
  currency: string;
  policy: Policy;
  reusable: boolean;
  topUpAllowed: boolean;
  validityDays: number;
  holdTtlSeconds?: number;
  productCode?: string;
}

export interface VoucherParams {
  type: VoucherTypeParams;
  state: VoucherState;
  amount: Money;
}

export interface ProviderStates {
  'voucher type': {
    params: VoucherTypeParams;
    result: { typeId?: string; code?: string; productCode?: string };
  };
  voucher: { params: VoucherParams; result: { voucherId: string; typeId?: string } };
  'voucher of another tenant': { params: { amount: Money }; result: { voucherId: string } };
}

/** What a vendor implements; every method but `capabilities` and `invoke` is optional. */
export interface VendorAdapter {
  readonly name: string;
  open?(config: DriverConfig): Promise<void>;
  capabilities(): Promise<Capability[]>;
  emulated?(): Promise<Capability[]>;
  setup?(): Promise<Session>;
  arrange?<S extends ProviderStateName>(
    state: S,
    params: ProviderStates[S]['params'],
  ): Promise<ProviderStates[S]['result']>;
  invoke(operation: Operation): Promise<Completion>;
  prepare?(operation: Operation): Promise<{ commit(): Promise<Completion> }>;
  teardown?(): Promise<void>;
  close?(): Promise<void>;
}

export type AdapterFactory = (config: DriverConfig) => VendorAdapter | Promise<VendorAdapter>;

export * from './flow-kit.js';
export declare function checkRequest(operation: Operation): Completion | null;

/**
 * A transport-free adapter (docs/adapter.md): plain JavaScript with no imports, so that Node (vcert run,
 * race, properties) and k6 (vcert load) run the same module. Each operation is a generator that yields
 * the HTTP requests it makes and receives their answers, and returns the completion. The runner sends
 * the requests (recording them as evidence), and hands over the kit's helpers as `kit`.
 */
export interface FlowAdapter {
  readonly name: string;
  /** The capability names the adapter and its system claim. */
  readonly capabilities: readonly Capability[];
  /** The claimed capabilities the adapter provides itself: their scenarios are "emulated". */
  readonly emulated?: readonly Capability[];
  /** One generator per contract operation the system can perform; the others answer 404 not_found. */
  readonly operations: { readonly [Id in OperationId]?: FlowStep<Operation, Completion> };
  /** Provider states the system can be brought to; throw `kit.CannotArrange` for those it cannot. */
  readonly arrange?: {
    readonly [S in ProviderStateName]?: FlowStep<ProviderStates[S]['params'], ProviderStates[S]['result']>;
  };
}

/**
 * One step of a flow: `function* (input, context, kit) { const answer = yield request; …; return result; }`.
 */
export type FlowStep<Input, Result> = (
  input: Input,
  context: FlowContext,
  kit: FlowKit,
) => Generator<FlowRequest, Result, FlowResponse>;

/** A request a flow makes; the runner sends it to --target and hands back the answer. */
export interface FlowRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, relative to the target: `/carts/c1/complete`. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON (content-type: application/json); a string is sent as it is. */
  body?: unknown;
  /**
   * The request that moves money. A race lines up every racer right before it (everything before it is
   * preparation: nothing may move and nothing a read sees may change before it).
   */
  moves?: boolean;
}

/** The answer to a FlowRequest. */
export interface FlowResponse {
  /** 0 when no answer came (a timeout, a lost connection): `error` says why. */
  status: number;
  headers: Record<string, string>;
  /** The body parsed as JSON when it is JSON, else its text ('' when empty). */
  // biome-ignore lint/suspicious/noExplicitAny: answers of the vendor's API are read loosely.
  body: any;
  error?: string;
}

/** What a flow knows besides its input. */
export interface FlowContext {
  /** The --target base URL (requests are relative to it). */
  readonly target: string;
  /** The keys of --api-key role=KEY. */
  readonly keys: Partial<Record<Role, string>>;
  /** Kept between calls of one adapter instance (a scenario, a racer, a k6 virtual user). */
  readonly state: Record<string, unknown>;
}

export type FlowKit = typeof import('./flow-kit.js');
