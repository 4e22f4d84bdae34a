/** What a package's manifest repeats from the run's certification.json, when the run wrote it. */
export interface CertificationFacts {
  /** suite.featuresSha256: the hash of the feature files the run certified against. */
  suiteSha256?: string;
  /** target: the URL, reference or external, and the adapter path the run used. */
  target?: Record<string, string | null>;
  /** adapter: what the run recorded of its vendor adapter (e.g. its sha256). */
  adapter?: Record<string, string | null>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The members of an object that are strings or null (nothing nested, nothing of another type). */
function flatStrings(value: unknown): Record<string, string | null> | undefined {
  if (!isObject(value)) return undefined;
  const kept = Object.entries(value).filter(
    (entry): entry is [string, string | null] => typeof entry[1] === 'string' || entry[1] === null,
  );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * The suite hash, target and adapter of certification.json's bytes, each only when present and of the
 * expected shape: a summary of another version (or not JSON at all) gives fewer facts, never an error,
 * since the file itself is in the package and its hash is signed either way.
 */
export function certificationFacts(bytes: Uint8Array | undefined): CertificationFacts | undefined {
  if (!bytes) return undefined;
  let summary: unknown;
  try {
    summary = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (!isObject(summary)) return undefined;
  const facts: CertificationFacts = {};
  const suiteSha256 = isObject(summary.suite) ? summary.suite.featuresSha256 : undefined;
  if (typeof suiteSha256 === 'string') facts.suiteSha256 = suiteSha256;
  const target = flatStrings(summary.target);
  if (target) facts.target = target;
  const adapter = flatStrings(summary.adapter);
  if (adapter) facts.adapter = adapter;
  return Object.keys(facts).length > 0 ? facts : undefined;
}
