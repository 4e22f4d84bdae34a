import type { TSchema } from '@sinclair/typebox';
import { Ajv, type FormatDefinition } from 'ajv';
import formats from 'ajv-formats';

/** `…T23:59:60`: RFC 3339 allows a leap second; the contract's date-times do not (issue 15). */
const leapSecond = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:60/;

/** NUL, or a UTF-16 surrogate without its partner: not text (I-JSON, RFC 7493 §2.1). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the two things it finds.
const notText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ajv = new Ajv({ strict: false, allErrors: false });
formats.default(ajv);
const rfc3339 = ajv.formats['date-time'] as FormatDefinition<string>;
ajv.addFormat('date-time', {
  ...rfc3339,
  validate: (s: string) => (rfc3339.validate as (s: string) => boolean)(s) && !leapSecond.test(s),
});
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>();

/** Whether every string in a value (property names included) is text. Iterative: any depth. */
export function isText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (notText.test(v)) return false;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (notText.test(key)) return false;
        pending.push(child);
      }
    }
  }
  return true;
}

/**
 * Whether a value satisfies a contract schema: generated bad data must fail it, good data pass it.
 * Beyond the schema's keywords, the contract's strings are text and its date-times have no leap second
 * (issue 15: what spec/schemas is to say in its string and date-time patterns).
 */
export function satisfies(schema: TSchema, value: unknown): boolean {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(schema, validate);
  }
  return (validate(value) as boolean) && isText(value);
}
