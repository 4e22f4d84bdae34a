import type { ErrorObject } from 'ajv';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    coerceTypes: coerce,
    useDefaults: coerce,
    removeAdditional: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const bodies = makeAjv(false);
const queries = makeAjv(true);

/**
 * Bodies are validated strictly: no type coercion ("100" is not an amount), no removal of unknown fields
 * (they are refused). Query strings and path parameters are text, so they are coerced.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : queries).compile(schema);

/** Turns ajv's errors into JSON pointers and messages for the problem's `errors` list. */
export function describeErrors(errors: ErrorObject[], part: string): { pointer: string; message: string }[] {
  return errors.map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? `/${(e.params as { additionalProperty: string }).additionalProperty}`
        : '';
    const pointer = `${part === 'body' ? '' : `${part}:`}${e.instancePath}${extra}` || '/';
    const message = e.keyword === 'additionalProperties' ? 'unknown field' : (e.message ?? e.keyword);
    return { pointer, message };
  });
}
