import type { ErrorObject, FormatDefinition, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { dateTimeMessage, representableDateTime, textFaults } from './text-rules.ts';

function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    coerceTypes: coerce,
    useDefaults: coerce,
    removeAdditional: false,
  });
  addFormats.default(ajv);
  const rfc3339 = ajv.formats['date-time'] as FormatDefinition<string>;
  ajv.addFormat('date-time', {
    ...rfc3339,
    validate: representableDateTime(rfc3339.validate as (s: string) => boolean),
  });
  return ajv;
}

const bodies = makeAjv(false);
const queries = makeAjv(true);

/**
 * Bodies are validated strictly: no type coercion ("100" is not an amount), no removal of unknown fields
 * (they are refused). Query strings and path parameters are text, so they are coerced. Every part is
 * then read for strings that are not text (NUL, unpaired surrogates), whatever the schema says of them.
 */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? bodies : queries).compile(schema);
  const checked = ((data: unknown, context?: unknown) => {
    const valid = validate(data, context as never) as boolean;
    const errors = oneEach(valid ? [] : (validate.errors ?? []), textFaults(data));
    checked.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as ValidateFunction;
  checked.schemaEnv = validate.schemaEnv;
  return checked;
};

/**
 * One error per fault: the contract's patterns for text and date-times (no NUL, no unpaired surrogate, no
 * leap second) say what the text rules and the date-time format say too, in words; those words are kept.
 */
function oneEach(schemaErrors: readonly ErrorObject[], faults: readonly ErrorObject[]): ErrorObject[] {
  const worded = new Set([
    ...faults.map((e) => e.instancePath),
    ...schemaErrors.filter((e) => e.keyword === 'format').map((e) => e.instancePath),
  ]);
  const kept = schemaErrors.filter((e) => !(e.keyword === 'pattern' && worded.has(e.instancePath)));
  const seen = new Set(kept.map((e) => e.instancePath));
  return [...kept, ...faults.filter((e) => !seen.has(e.instancePath))];
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return 'unknown field';
  if (e.keyword === 'format' && (e.params as { format?: string }).format === 'date-time')
    return dateTimeMessage;
  return e.message ?? e.keyword;
}

/** Turns ajv's errors into JSON pointers and messages for the problem's `errors` list. */
export function describeErrors(errors: ErrorObject[], part: string): { pointer: string; message: string }[] {
  return errors.map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? `/${(e.params as { additionalProperty: string }).additionalProperty}`
        : '';
    const pointer = `${part === 'body' ? '' : `${part}:`}${e.instancePath}${extra}` || '/';
    return { pointer, message: messageOf(e) };
  });
}
