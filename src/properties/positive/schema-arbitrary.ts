import fc from 'fast-check';
import { type StringSchema, stringArbitrary } from './string-arbitrary.ts';

/** The JSON Schema keywords the contract's request schemas use (TypeBox emits plain JSON Schema). */
export interface JsonSchema extends StringSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: readonly JsonSchema[];
}

/**
 * A more realistic arbitrary for one place in a body than the schema alone gives (a known id, the
 * fixture's currency most of the time), or undefined to generate from the schema. `path` is the
 * property names from the root; `schema` what the contract says is there.
 */
export type Hint = (path: readonly string[], schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;

/** Arrays are kept short: the shapes matter here, not the volume (oversize is negative data's). */
const longestArray = 3;

/** Integers within the bounds: small ones mostly, the bounds themselves, anything in between. */
function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000_000;
  const max = schema.maximum ?? 1_000_000_000;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 10_000) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
}

function objectArbitrary(schema: JsonSchema, path: readonly string[], hint: Hint): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties))
    model[key] = schemaArbitrary(sub, hint, [...path, key]);
  const optional = Object.keys(properties).filter((k) => !required.has(k));
  // Exactly-one-of style objects (a lookup by one identifier): choose the optional keys first.
  const fewest = Math.max(0, (schema.minProperties ?? 0) - required.size);
  const most = Math.min(optional.length, (schema.maxProperties ?? Number.POSITIVE_INFINITY) - required.size);
  return fc.subarray(optional, { minLength: fewest, maxLength: most }).chain((chosen) => {
    const keys = [...required, ...chosen];
    return fc.record(Object.fromEntries(keys.map((k) => [k, model[k] as fc.Arbitrary<unknown>])));
  });
}

/**
 * An arbitrary of values that satisfy a JSON Schema of the contract: objects with every required and
 * some optional properties (never an unknown one), strings by enum, pattern or format, integers within
 * their bounds, short arrays, one member of a union. `hint` overrides any place with a better arbitrary.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  hint: Hint = () => undefined,
  path: readonly string[] = [],
): fc.Arbitrary<unknown> {
  const hinted = hint(path, schema);
  if (hinted) return hinted;
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => schemaArbitrary(s, hint, path)));
  switch (schema.type) {
    case 'object':
      return objectArbitrary(schema, path, hint);
    case 'array':
      return fc.array(schemaArbitrary(schema.items ?? {}, hint, [...path, '*']), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? longestArray, longestArray)),
      });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      throw new Error(
        `positive data: no generator for schema at /${path.join('/')}: ${JSON.stringify(schema)}`,
      );
  }
}
