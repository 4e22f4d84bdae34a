/** Elements may be nested this deep in a vendor XML file, no deeper (the seed's files need 4). */
export const maxXmlDepth = 64;

/** Where one vendor element is in the file: from its `<` to just after its end tag. */
export interface ElementSpan {
  name: string;
  start: number;
  end: number;
}

export type XmlScan = { ok: true; elements: ElementSpan[] } | { ok: false; offset: number; reason: string };

const closing: Record<string, string> = { '<!--': '-->', '<![CDATA[': ']]>', '<?': '?>' };

/** Why a DOCTYPE is refused, by the worst thing it declares: an external entity, a parameter entity, any entity. */
function doctypeReason(declaration: string): string {
  const entities = [...declaration.matchAll(/<!ENTITY\s+(%\s*)?([^\s"'>]+)\s*(SYSTEM|PUBLIC)?/gi)];
  const worst = entities.find((e) => e[3]) ?? entities.find((e) => e[1]) ?? entities[0];
  if (worst) {
    const [, parameter, name, external] = worst;
    const kind = `${external ? 'external ' : ''}${parameter ? 'parameter ' : ''}entity`;
    return `a DOCTYPE declaring the ${kind} ${parameter ? '%' : ''}${name}${external ? ` (${external.toUpperCase()})` : ''}`;
  }
  if (/%[^\s;]+;/.test(declaration)) return 'a DOCTYPE referring to a parameter entity';
  if (/\b(SYSTEM|PUBLIC)\b/i.test(declaration)) return 'a DOCTYPE referring to an external DTD';
  return 'a DOCTYPE';
}

/** The end of the tag that starts at `from` (after its `>`), skipping quoted attribute values. */
function tagEnd(content: string, from: number): number {
  let quote = '';
  for (let i = from; i < content.length; i++) {
    const c = content[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return content.length;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * One pass over a vendor XML file before any parser sees it. Refuses what a tender configuration never
 * needs and an XML parser should never be given: a DOCTYPE (entities of every kind, internal, external
 * and parameter, are declared there), an entity declaration anywhere, and nesting deeper than
 * `maxXmlDepth`. Otherwise gives where each vendor element is (`isVendor` of its name without namespace
 * prefix), outermost only, so that each is parsed alone. Malformed XML is not judged here: whatever
 * this pass makes of it, the well-formedness check that follows refuses it.
 */
export function scanXml(content: string, isVendor: (name: string) => boolean): XmlScan {
  const elements: ElementSpan[] = [];
  let depth = 0;
  let open: { name: string; start: number; depth: number } | undefined;
  let i = content.indexOf('<');
  while (i !== -1 && i < content.length) {
    const skip = Object.keys(closing).find((opener) => content.startsWith(opener, i));
    if (skip) {
      const end = content.indexOf(closing[skip] as string, i + skip.length);
      if (end === -1) break;
      i = content.indexOf('<', end);
      continue;
    }
    const head = content.slice(i, i + 9).toUpperCase();
    if (head.startsWith('<!DOCTYPE')) {
      const bracket = content.indexOf('[', i);
      const firstEnd = content.indexOf('>', i);
      const subsetEnd =
        bracket !== -1 && (firstEnd === -1 || bracket < firstEnd) ? content.indexOf(']', bracket) : -1;
      const end = content.indexOf('>', subsetEnd === -1 ? i : subsetEnd);
      return {
        ok: false,
        offset: i,
        reason: doctypeReason(content.slice(i, end === -1 ? undefined : end + 1)),
      };
    }
    if (head.startsWith('<!ENTITY'))
      return { ok: false, offset: i, reason: 'an entity declaration (<!ENTITY)' };
    const end = tagEnd(content, i + 1);
    if (content[i + 1] === '/') {
      depth -= 1;
      if (open && depth < open.depth) {
        elements.push({ name: open.name, start: open.start, end });
        open = undefined;
      }
    } else if (content[i + 1] !== '!') {
      const name = localName(/^<([^\s/>]+)/.exec(content.slice(i, i + 256))?.[1] ?? '');
      const selfClosing = content[end - 2] === '/';
      if (!selfClosing) {
        depth += 1;
        if (depth > maxXmlDepth)
          return { ok: false, offset: i, reason: `elements nested deeper than ${maxXmlDepth} levels` };
      }
      if (!open && isVendor(name)) {
        if (selfClosing) elements.push({ name, start: i, end });
        else open = { name, start: i, depth };
      }
    }
    i = content.indexOf('<', end);
  }
  return { ok: true, elements };
}
