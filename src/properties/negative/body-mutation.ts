import fc from 'fast-check';

/** One way to spoil a valid JSON body: a value at a path replaced, a field removed, or one added. */
export type BodyMutation =
  | { kind: 'replace'; path: string[]; value: unknown; label: string }
  | { kind: 'remove'; path: string[] }
  | { kind: 'add'; path: string[]; key: string };

/** Every path to a value in a JSON body, the root included. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const out = [prefix];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/** RD-08 and friends: floats and strings as amounts, negative, zero, huge, unknown currencies, unicode. */
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
  ),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .map((s) => ({ value: s, label: 'a random string' })),
  fc.double({ noNaN: true }).map((d) => ({ value: d, label: 'a random number' })),
);

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

function valueAt(value: unknown, path: string[]): unknown {
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
  if (m.kind === 'add') parent[m.key] = 1;
  else if (m.kind === 'remove') delete parent[m.path.at(-1) as string];
  else parent[m.path.at(-1) as string] = m.value;
  return copy;
}

export function describeMutation(m: BodyMutation): string {
  const at = `/${m.path.join('/')}`;
  if (m.kind === 'replace') return `${at} replaced by ${m.label}`;
  if (m.kind === 'remove') return `${at} removed`;
  return `unknown field ${at === '/' ? '' : at}/${m.key} added`;
}
