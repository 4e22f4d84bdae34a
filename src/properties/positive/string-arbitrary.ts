import fc from 'fast-check';

/** The string keywords of a JSON Schema this generator understands. */
export interface StringSchema {
  enum?: readonly string[];
  const?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
}

/** Length as JSON Schema (and ajv) counts it: in code points, not UTF-16 units. */
export const codePoints = (s: string): number => [...s].length;

const earliest = new Date('2000-01-01T00:00:00.000Z');
const latest = new Date('2099-12-31T23:59:59.999Z');

/**
 * Valid strings for one string schema: an enum value, the constant, a date-time of this century, a
 * UUID, a string matching the pattern, or free text (printable graphemes, unicode included) within
 * the length bounds. Lengths are kept short unless the bounds demand otherwise.
 */
export function stringArbitrary(schema: StringSchema): fc.Arbitrary<string> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.format === 'date-time') {
    return fc.date({ min: earliest, max: latest, noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format) throw new Error(`positive data: no generator for string format ${schema.format}`);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 64;
  const fits = (s: string) => codePoints(s) >= min && codePoints(s) <= max;
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern), { size: 'small' })
      .map((s) => (codePoints(s) > max ? [...s].slice(0, max).join('') : s))
      .filter((s) => fits(s) && new RegExp(schema.pattern as string).test(s));
  }
  const text = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.min(max, 24) }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 12) }) },
  );
  return text.filter(fits);
}
