import type { TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';

const ajv = new Ajv({ strict: false, allErrors: false });
formats.default(ajv);
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>();

/** Whether a value satisfies a contract schema: generated bad data must fail it, good data pass it. */
export function satisfies(schema: TSchema, value: unknown): boolean {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(schema, validate);
  }
  return validate(value) as boolean;
}
