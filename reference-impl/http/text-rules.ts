import type { ErrorObject } from 'ajv';

/**
 * A NUL character or a UTF-16 surrogate without its partner. Neither is text: I-JSON (RFC 7493 §2.1)
 * forbids unpaired surrogates, UTF-8 cannot encode them, and PostgreSQL's text and jsonb cannot hold NUL.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the two things it finds.
const notText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const textMessage = 'must be text: no NUL character and no unpaired UTF-16 surrogate';

const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Where a value sits, as a chain to its parent: a JSON pointer is spelt out only for a fault. */
interface Place {
  parent: Place | null;
  key: string;
}

function pointerOf(place: Place | null): string {
  const tokens: string[] = [];
  for (let p = place; p; p = p.parent) tokens.push(pointerToken(p.key));
  return tokens
    .reverse()
    .map((t) => `/${t}`)
    .join('');
}

/** At most this many are listed: a body full of NULs needs no thousand lines to be refused. */
const listed = 10;

/**
 * Every string of a request (values and property names, at any depth) that is not text, as ajv-shaped
 * errors so they read like the schema's own: the contract's strings are text, whatever their schema.
 * Iterative, so no nesting the body limit allows can exhaust the stack.
 */
export function textFaults(value: unknown): ErrorObject[] {
  const out: ErrorObject[] = [];
  const pending: Array<[unknown, Place | null]> = [[value, null]];
  while (pending.length > 0 && out.length < listed) {
    const [v, place] = pending.pop() as [unknown, Place | null];
    if (typeof v === 'string') {
      if (notText.test(v)) out.push(fault(pointerOf(place)));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const here = { parent: place, key };
        if (notText.test(key)) out.push(fault(pointerOf(here)));
        else pending.push([child, here]);
      }
    }
  }
  return out;
}

function fault(instancePath: string): ErrorObject {
  return { keyword: 'text', instancePath, schemaPath: '#/text', params: {}, message: textMessage };
}

/** `hh:mm:60`: a leap second. RFC 3339 allows one; neither JavaScript dates nor this service can hold it. */
const leapSecond = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:60/;

export const dateTimeMessage =
  'must be an RFC 3339 date-time with seconds 00 to 59 (a leap second, :60, is not accepted)';

/** The contract's date-time as this implementation can hold it: RFC 3339 (ajv-formats) without leap seconds. */
export function representableDateTime(rfc3339: (s: string) => boolean) {
  return (s: string): boolean => rfc3339(s) && !leapSecond.test(s) && Number.isFinite(Date.parse(s));
}
