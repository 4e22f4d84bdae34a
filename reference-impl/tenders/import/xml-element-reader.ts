/** A parsed XML element as fast-xml-parser gives it with `isArray` on: child name → list of children. */
export type XmlNode = { [name: string]: unknown };

export interface ElementReader {
  /** Problems found while reading, as messages (the caller adds the origin). */
  readonly problems: string[];
  /** Trimmed text of the single child `name`; undefined when absent, empty or isNull="true". */
  text(name: string): string | undefined;
  /** A `true` / `false` child; anything else is a problem. */
  flag(name: string): boolean | undefined;
  /** Child elements named `name`, in document order. */
  nodes(name: string): ElementReader[];
  /** The element's attribute `name`. */
  attribute(name: string): string | undefined;
}

function asNode(child: unknown): XmlNode {
  if (typeof child === 'object' && child !== null) return child as XmlNode;
  return { '#text': String(child) };
}

function textOf(child: unknown): string | undefined {
  const node = asNode(child);
  const isNull = node['@isNull'];
  if (typeof isNull === 'string' && isNull.trim().toLowerCase() === 'true') return undefined;
  const raw = node['#text'];
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  return text === '' ? undefined : text;
}

/** Reads the children of one vendor element, collecting problems instead of throwing. */
export function readElement(node: XmlNode, problems: string[] = []): ElementReader {
  const list = (name: string): unknown[] => {
    const v = node[name];
    return Array.isArray(v) ? v : v === undefined ? [] : [v];
  };
  const text = (name: string): string | undefined => {
    const found = list(name);
    if (found.length > 1) problems.push(`${name} appears ${found.length} times`);
    return found.length === 0 ? undefined : textOf(found[0]);
  };
  return {
    problems,
    text,
    flag(name) {
      const t = text(name);
      if (t === undefined) return undefined;
      const lowered = t.toLowerCase();
      if (lowered === 'true') return true;
      if (lowered === 'false') return false;
      problems.push(`${name} must be true or false (got ${JSON.stringify(t)})`);
      return undefined;
    },
    nodes(name) {
      return list(name).map((child) => readElement(asNode(child), problems));
    },
    attribute(name) {
      const v = node[`@${name}`];
      return typeof v === 'string' ? v : undefined;
    },
  };
}
