import { readFileSync } from 'node:fs';

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, walked by the tests.
export type Json = any;

/** The committed OpenAPI document, as the harness, the server and the docs read it. */
export const committedPath = new URL('../../spec/openapi.json', import.meta.url);

export function readCommitted(): Json {
  return JSON.parse(readFileSync(committedPath, 'utf8'));
}

export interface Operation {
  method: string;
  path: string;
  op: Json;
}

/** Every operation of a document, with its method and path. */
export function operationsOf(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) out.push({ method, path, op });
  }
  return out;
}

/** The error codes an operation declares, by the HTTP status they are declared under. */
export function declaredCodes(op: Json): Map<string, number> {
  const codes = new Map<string, number>();
  for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
    const schema = response.content?.['application/problem+json']?.schema;
    if (!schema) continue;
    const parts: Json[] = schema.allOf ?? [schema];
    for (const part of parts) {
      for (const code of part.properties?.code?.enum ?? []) codes.set(code, Number(status));
    }
  }
  return codes;
}

/** The first place where two JSON values differ, as a JSON pointer, or null when they are equal. */
export function firstDifference(a: Json, b: Json, pointer = ''): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return pointer || '/';
  if (Array.isArray(a) !== Array.isArray(b)) return pointer || '/';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      a[key],
      b[key],
      `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    );
    if (found) return found;
  }
  return null;
}
