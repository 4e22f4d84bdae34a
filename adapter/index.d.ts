/**
 * Types of the adapter kit (`voucher-conformance/adapter`). docs/adapter.md tells how to write an
 * adapter; the contract's names (OperationId, Capability, ErrorCode …) are generated from spec/.
 */
import type { Capability, ErrorCode, OperationId, OperationInfo, ProviderStateName } from './contract.js';

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

export declare function routeOf(operationId: OperationId | string): OperationInfo;
export declare function ok(status: number, body: unknown): Completion;
export declare function refuse(code: ErrorCode, extensions?: Record<string, unknown>): Completion;
export declare function unknown(error: unknown): Completion;
export declare class CannotArrange extends Error {}
export declare function toMinor(decimal: string, digits?: number): number;
export declare function toDecimal(minor: number, digits?: number): string;
export declare function checkRequest(operation: Operation): Completion | null;
export declare function requestFingerprint(operation: Operation): string;
