import { capabilityMeanings } from './capabilities.ts';
import { errorCatalog } from './errors.ts';
import { lifecycleTransitions } from './lifecycle-transitions.ts';
import { contractVersion } from './openapi.ts';
import { providerStateNames } from './provider-states.ts';
import { routes } from './routes/index.ts';

/** The contract as the adapter kit gives it: plain data, no TypeBox, no Node. */
export function adapterContract() {
  return {
    contractVersion,
    operations: routes.map((r) => ({
      operationId: r.operationId,
      method: r.method,
      path: r.path,
      capability: r.capability ?? null,
      access: r.access,
      mutating: r.mutating,
      successStatus: r.success.status,
      errors: [...r.errors],
    })),
    requestSchemas: Object.fromEntries(
      routes.filter((r) => r.body).map((r) => [r.operationId, JSON.parse(JSON.stringify(r.body))]),
    ),
    capabilities: capabilityMeanings,
    errorCatalog: Object.fromEntries(
      Object.entries(errorCatalog).map(([code, e]) => [code, { status: e.status, title: e.title }]),
    ),
    lifecycleTransitions,
    providerStates: providerStateNames,
  };
}

const union = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(' | ');

/** The text of adapter/contract.d.ts: the names of the contract as types, and the constants' shapes. */
export function adapterContractTypes(): string {
  const contract = adapterContract();
  return `// Generated from spec/ by \`npm run spec\`: do not edit. A test fails when it drifts.

export type OperationId = ${union(contract.operations.map((o) => o.operationId))};
export type Capability = ${union(Object.keys(contract.capabilities))};
export type ErrorCode = ${union(Object.keys(contract.errorCatalog))};
export type ProviderStateName = ${union(contract.providerStates)};

export interface OperationInfo {
  operationId: OperationId;
  method: 'GET' | 'POST';
  path: string;
  /** The optional capability the operation belongs to; null: the core. */
  capability: Capability | null;
  access: readonly ('pos' | 'webshop' | 'backoffice')[] | 'public' | 'test-control' | 'test-control-tenant';
  mutating: boolean;
  successStatus: 200 | 201 | 204;
  errors: readonly ErrorCode[];
}

export declare const contractVersion: string;
export declare const operations: readonly OperationInfo[];
export declare const requestSchemas: Readonly<Partial<Record<OperationId, object>>>;
export declare const capabilities: Readonly<Record<Capability, string>>;
export declare const errorCatalog: Readonly<Record<ErrorCode, { status: number; title: string }>>;
export declare const lifecycleTransitions: Readonly<Record<string, { from: readonly string[]; to: string | null }>>;
export declare const providerStates: readonly ProviderStateName[];
`;
}

/** The text of adapter/contract.js: one exported constant per part of the contract. */
export function adapterContractModule(): string {
  const lines = [
    '// Generated from spec/ by `npm run spec`: do not edit. A test fails when it drifts.',
    ...Object.entries(adapterContract()).map(
      ([name, value]) => `export const ${name} = ${JSON.stringify(value, null, 2)};`,
    ),
  ];
  return `${lines.join('\n\n')}\n`;
}
