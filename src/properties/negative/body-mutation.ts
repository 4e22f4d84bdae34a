import fc from 'fast-check';

/** One way to spoil a valid JSON body: a value at a path replaced, a field removed, or one added. */
export type BodyMutation =
  | { kind: 'replace'; path: string[]; value: unknown; label: string }
  | { kind: 'remove'; path: string[] }
  | { kind: 'add'; path: string[]; key: string };

/**
 * Every path to a value in a JSON body, the root included, inside nested objects and arrays alike (an
 * array item's index is its path token: `/receipt/lines/0/product`).
 */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const out = [prefix];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/**
 * RD-08 and friends: floats and strings as amounts, negative, zero, huge, unknown currencies, unicode;
 * strings that are not text (NUL, unpaired surrogates) and a leap second (issue 15).
 */
const badValues: fc.Arbitrary<{ value: unknown; label: string }> = fc.oneof(
  fc.constantFrom(
    { value: 10.5, label: 'a float' },
    { value: '100', label: 'a string of digits' },
    { value: -100, label: 'a negative number' },
    { value: 0, label: 'zero' },
    { value: 1e30, label: 'a huge number' },
    { value: 2 ** 53 + 2, label: 'beyond safe integers' },
    { value: 'XYZ', label: 'an unknown currency' },
    { value: null, label: 'null' },
    { value: true, label: 'a boolean' },
    { value: [], label: 'an array' },
    { value: 'Ünïcødé ✓ 𝄞', label: 'unicode text' },
    { value: '', label: 'an empty string' },
    { value: 'a\u0000b', label: 'a NUL byte' },
    { value: '\ud800', label: 'an unpaired high surrogate' },
    { value: 'x\udc00', label: 'an unpaired low surrogate' },
    { value: '2016-12-31T23:59:60Z', label: 'a leap second' },
  ),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .map((s) => ({ value: s, label: 'a random string' })),
  fc.double({ noNaN: true }).map((d) => ({ value: d, label: 'a random number' })),
);

/** A valid string made hostile while keeping the rest of it, so that one rule alone is broken. */
export type Spoiler = { label: string; spoil: (s: string) => string };
export const textSpoilers: readonly Spoiler[] = [
  { label: 'its text with a NUL byte inside', spoil: (s) => `${s.slice(0, 1)}\u0000${s.slice(1)}` },
  { label: 'its text with an unpaired high surrogate', spoil: (s) => `${s}\ud83d` },
  { label: 'its text with an unpaired low surrogate', spoil: (s) => `\ude00${s}` },
];
const dateTime = /^\d{4}-\d{2}-\d{2}T/;
const leap: Spoiler = {
  label: 'its date-time at a leap second',
  spoil: (s) => `${s.slice(0, 10)}T23:59:60Z`,
};
const spoilersOf = (s: string): readonly Spoiler[] =>
  dateTime.test(s) ? [leap, ...textSpoilers] : textSpoilers;

export function bodyMutation(body: unknown): fc.Arbitrary<BodyMutation> {
  const paths = pathsOf(body);
  const objects = paths.filter((p) => {
    const v = valueAt(body, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const leaves = paths.filter((p) => p.length > 0);
  const arbitraries: Array<fc.WeightedArbitrary<BodyMutation>> = [
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), badValues)
        .map(([path, b]) => ({ kind: 'replace' as const, path, ...b })),
    },
  ];
  const strings = leaves.filter((p) => typeof valueAt(body, p) === 'string');
  if (strings.length > 0)
    arbitraries.push({
      weight: 2,
      arbitrary: fc.constantFrom(...strings).chain((path) => {
        const text = valueAt(body, path) as string;
        return fc.constantFrom(...spoilersOf(text)).map((spoiler) => ({
          kind: 'replace' as const,
          path,
          value: spoiler.spoil(text),
          label: spoiler.label,
        }));
      }),
    });
  if (leaves.length > 0)
    arbitraries.push({
      weight: 1,
      arbitrary: fc.constantFrom(...leaves).map((path) => ({ kind: 'remove' as const, path })),
    });
  if (objects.length > 0)
    arbitraries.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...objects), fc.constantFrom('tip', 'extra', '__x', 'ämount'))
        .map(([path, key]) => ({ kind: 'add' as const, path, key })),
    });
  return fc.oneof(...arbitraries);
}

export function valueAt(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );
}

/** The body with the mutation applied (a deep copy; the original is untouched). */
export function applyMutation(body: unknown, m: BodyMutation): unknown {
  const copy = structuredClone(body);
  if (m.path.length === 0 && m.kind === 'replace') return m.value;
  const parentPath = m.kind === 'add' ? m.path : m.path.slice(0, -1);
  const parent = valueAt(copy, parentPath) as Record<string, unknown>;
  const last = m.path.at(-1) as string;
  if (m.kind === 'add') parent[m.key] = 1;
  else if (m.kind === 'remove' && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (m.kind === 'remove') delete parent[last];
  else parent[last] = m.value;
  return copy;
}

export function describeMutation(m: BodyMutation): string {
  const at = `/${m.path.join('/')}`;
  if (m.kind === 'replace') return `${at} replaced by ${m.label}`;
  if (m.kind === 'remove') return `${at} removed`;
  return `unknown field ${at === '/' ? '' : at}/${m.key} added`;
}
