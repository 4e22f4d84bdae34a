import type { TSchema } from '@sinclair/typebox';
import { type ErrorCode, errorCatalog } from './errors.ts';
import { routes } from './routes/index.ts';
import type { Route } from './routes/route.ts';
import { Balance, CurrencyCode, Money, Problem } from './schemas/common.ts';
import { Ledger, LedgerEntry } from './schemas/ledger.ts';
import { Receipt } from './schemas/receipt.ts';
import { Hold, Redemption, Refund } from './schemas/redemption.ts';
import { BalanceInquiry, Template, Voucher, VoucherType } from './schemas/voucher.ts';

export const contractVersion = '2.1.0';

/** Schemas given a name in components; any other schema is written inline. */
const named: Record<string, TSchema> = {
  CurrencyCode,
  Money,
  Balance,
  Receipt,
  Voucher,
  VoucherType,
  Template,
  BalanceInquiry,
  Hold,
  Redemption,
  Refund,
  LedgerEntry,
  Ledger,
  Problem,
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function toJson(schema: unknown, names: Map<unknown, string>, root: unknown): Json {
  if (schema !== root && names.has(schema)) return { $ref: `#/components/schemas/${names.get(schema)}` };
  if (Array.isArray(schema)) return schema.map((s) => toJson(s, names, root));
  if (schema && typeof schema === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(schema)) out[k] = toJson(v, names, root);
    return out;
  }
  return schema as Json;
}

const genericErrors: readonly ErrorCode[] = [
  'validation_failed',
  'malformed_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'unsupported_media_type',
];

function errorsOf(route: Route): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.access === 'public' ? ['not_found'] : genericErrors);
  if (route.mutating) {
    codes.add('idempotency_key_missing');
    codes.add('idempotency_key_reused');
  }
  for (const c of route.errors) codes.add(c);
  return [...codes];
}

function parametersOf(route: Route, names: Map<unknown, string>): Json[] {
  const params: Json[] = [];
  const add = (where: 'path' | 'query', schema: TSchema | undefined) => {
    const props = (schema?.properties ?? {}) as Record<string, TSchema>;
    const required = new Set<string>((schema?.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries(props)) {
      params.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: toJson(s, names, null),
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  if (route.mutating) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description:
        'Same key and same request replays the first answer; same key, other request: idempotency_key_reused. ' +
        'A key is kept for the retention window (the reference implementation: 24 hours, `vcert serve --idempotency-retention HOURS`): ' +
        'a retry with the same key within the window is answered with the first answer; after it the key may be used again, as a new request.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  return params;
}

function responsesOf(route: Route, names: Map<unknown, string>): Record<string, Json> {
  const responses: Record<string, Json> = {};
  const ok = route.success;
  responses[String(ok.status)] = ok.schema
    ? { description: 'Success', content: { 'application/json': { schema: toJson(ok.schema, names, null) } } }
    : { description: 'Success, no body' };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(route)) {
    const status = errorCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    responses[String(status)] = {
      description: codes.join(', '),
      content: {
        'application/problem+json': {
          schema: {
            allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { code: { enum: codes } } }],
          },
        },
      },
    };
  }
  return responses;
}

/** Builds the OpenAPI 3.1 document from the route table and the schemas: the one source of truth. */
export function buildOpenApi(): Record<string, Json> {
  const names = new Map<unknown, string>(Object.entries(named).map(([n, s]) => [s, n]));
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const operation: Record<string, Json> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: parametersOf(route, names),
      responses: responsesOf(route, names),
    };
    if (route.access === 'public' || route.access === 'test-control') operation.security = [];
    if (Array.isArray(route.access)) operation['x-roles'] = [...route.access];
    if (route.capability) operation['x-capability'] = route.capability;
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toJson(route.body, names, null) } },
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, Json>)[route.method.toLowerCase()] = operation;
  }
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(named)) schemas[name] = toJson(schema, names, schema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Voucher redemption contract',
      version: contractVersion,
      description:
        'The contract that voucher-conformance certifies: voucher lifecycle, redemption with holds, concurrency policies, reports. Money is integer minor units with an ISO 4217 currency. Errors are RFC 9457 problem+json with a stable `code` from the error catalog.',
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    security: [{ apiKey: [] }],
    tags: [],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'API key bound to a tenant and a role' },
      },
      schemas,
    },
    'x-error-catalog': Object.fromEntries(
      Object.entries(errorCatalog).map(([code, e]) => [
        code,
        { status: e.status, title: e.title, meaning: e.meaning },
      ]),
    ),
  };
}
