import { readFileSync } from 'node:fs';

/** Where the contract's OpenAPI document lives. */
export const openApiPath = new URL('../../spec/openapi.json', import.meta.url);

/** The $id under which the document's component schemas are registered with the validator. */
export const componentsId = 'https://voucher-conformance.invalid/contract';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface DeclaredResponse {
  /** media type → JSON Schema (refs rewritten to the components $id); empty when no body is declared. */
  content: Map<string, Json>;
}

export interface OpenApiIndex {
  /** The component schemas as one JSON Schema with $defs, to register once. */
  components: Json;
  /** operationId → status → declared response. */
  responses: Map<string, Map<number, DeclaredResponse>>;
}

function rewriteRefs(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (schema && typeof schema === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] =
        k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
          ? `${componentsId}#/$defs/${v.slice('#/components/schemas/'.length)}`
          : rewriteRefs(v);
    }
    return out;
  }
  return schema;
}

/** Reads an OpenAPI 3.1 document into what the response validator needs. */
export function indexOpenApi(doc: Record<string, Json>): OpenApiIndex {
  const schemas = ((doc.components as Record<string, Json>)?.schemas ?? {}) as Record<string, Json>;
  const components = {
    $id: componentsId,
    $defs: Object.fromEntries(Object.entries(schemas).map(([n, s]) => [n, rewriteRefs(s)])),
  };
  const responses = new Map<string, Map<number, DeclaredResponse>>();
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || Array.isArray(operation)) continue;
      const id = operation.operationId;
      if (typeof id !== 'string') continue;
      const byStatus = new Map<number, DeclaredResponse>();
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
        const content = new Map<string, Json>();
        const declared = ((response as Record<string, Json>)?.content ?? {}) as Record<string, Json>;
        for (const [mediaType, media] of Object.entries(declared)) {
          content.set(mediaType, rewriteRefs((media as Record<string, Json>)?.schema ?? {}));
        }
        byStatus.set(Number(status), { content });
      }
      responses.set(id, byStatus);
    }
  }
  return { components, responses };
}

/** The contract's own document, read once. */
export function loadContractIndex(): OpenApiIndex {
  return indexOpenApi(JSON.parse(readFileSync(openApiPath, 'utf8')) as Record<string, Json>);
}
