/**
 * The adapter kit: what an adapter in its own repository imports as `voucher-conformance/adapter` to put
 * a voucher system of another shape under vcert (docs/adapter.md). Plain JavaScript, so that it loads
 * from node_modules; the types are in index.d.ts.
 *
 * Rule for adapters: translate, never judge. Do not pre-check a money rule (a balance, a cap, a state)
 * in the adapter: the vendor's system must be the one that refuses, or its bugs are hidden.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { requestSchemas } from './contract.js';
import { refuse } from './flow-kit.js';

export * from './contract.js';
export * from './flow-kit.js';

let validators;

/**
 * The request's body checked against the contract (types, fields, currencies): a `validation_failed`
 * refusal with one entry per problem, or null when it conforms. For a request that cannot even be put in
 * the vendor's terms (a float as an amount); the vendor's own validation decides everything else.
 */
export function checkRequest(operation) {
  const schema = requestSchemas[operation.operationId];
  if (!schema) return null;
  validators ??= (() => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default ? addFormats.default(ajv) : addFormats(ajv);
    return new Map(Object.entries(requestSchemas).map(([id, s]) => [id, ajv.compile(s)]));
  })();
  let body = operation.body ?? {};
  if (operation.rawBody !== undefined) {
    try {
      body = typeof operation.rawBody === 'string' ? JSON.parse(operation.rawBody) : operation.rawBody;
    } catch {
      return refuse('malformed_request');
    }
  }
  const validate = validators.get(operation.operationId);
  if (validate(body)) return null;
  return refuse('validation_failed', {
    errors: (validate.errors ?? []).map((e) => ({
      pointer: e.instancePath || '/',
      message: e.message ?? e.keyword,
    })),
  });
}
