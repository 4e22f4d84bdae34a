import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateEntry } from './entry-validator.ts';
import { type Problem, problemAt } from './problem.ts';
import { emptySourced, type ImportedPart, type Sourced } from './sourced-config.ts';
import { readElement, type XmlNode } from './xml-element-reader.ts';
import { xmlEntryReaders } from './xml-entries.ts';

const rootOpen = '<vcert-import>';
const rootClose = '</vcert-import>';

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  captureMetaData: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
const meta = XMLParser.getMetaDataSymbol() as unknown as string;

/**
 * The seed shows fragments (several top-level elements, wrappers such as TenderElementDO), so the
 * content is put under one synthetic root; the XML declaration is blanked with spaces so that
 * offsets and line numbers stay those of the file.
 */
function wrap(content: string): string {
  const blanked = content.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, (m) => m.replace(/[^\n]/g, ' '));
  return `${rootOpen}${blanked}${rootClose}`;
}

/** Line numbers for increasing offsets, in one pass over the content. */
function lineCounter(content: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset && at < content.length; at++) if (content.charCodeAt(at) === 10) line++;
    return line;
  };
}

interface Found {
  kind: string;
  node: XmlNode;
  offset: number;
}

/** Every vendor element anywhere in the tree, whatever wraps it; vendor elements are not searched inside. */
function collect(node: XmlNode, out: Found[]): void {
  for (const [name, children] of Object.entries(node)) {
    if (name.startsWith('@') || name === '#text' || !Array.isArray(children)) continue;
    for (const child of children) {
      if (typeof child !== 'object' || child === null) continue;
      const element = child as XmlNode;
      if (name in xmlEntryReaders) {
        const offset = (element[meta] as { startIndex?: number } | undefined)?.startIndex ?? 0;
        out.push({ kind: name, node: element, offset: Math.max(0, offset - rootOpen.length) });
      } else collect(element, out);
    }
  }
}

/** Reads one vendor XML file: every TenderDO, CustomerTenderGroupDO, ..., Reason in it. */
export function readXmlFile(file: string, content: string): ImportedPart {
  const sourced = emptySourced();
  const wrapped = wrap(content);
  const valid = XMLValidator.validate(wrapped);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const column = line === 1 ? col - rootOpen.length : col;
    const problem = problemAt(
      { file, element: 'document', line },
      `not well-formed XML: ${msg} (column ${column})`,
    );
    return { sourced, problems: [problem] };
  }
  const found: Found[] = [];
  collect(parser.parse(wrapped) as XmlNode, found);
  found.sort((a, b) => a.offset - b.offset);
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  const lineAt = lineCounter(content);
  for (const { kind, node, offset } of found) {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const origin = { file, element: `${kind} #${n}`, line: lineAt(offset) };
    const reader = readElement(node);
    const mode = reader.attribute('ProcessMode');
    if (mode !== undefined && !['CREATE', 'MODIFY'].includes(mode.toUpperCase())) {
      problems.push(
        problemAt(origin, `ProcessMode ${mode} is not supported: an import replaces the whole configuration`),
      );
    }
    const entry = (xmlEntryReaders[kind] as NonNullable<(typeof xmlEntryReaders)[string]>)(reader);
    for (const message of reader.problems) problems.push(problemAt(origin, message));
    problems.push(...validateEntry(entry.list, entry.value, origin, (f) => entry.xmlNames[f] ?? f));
    (sourced[entry.list] as Sourced<unknown>[]).push({ value: entry.value, origin });
  }
  if (found.length === 0)
    problems.push(problemAt({ file, element: 'document' }, 'no tender configuration element found'));
  return { sourced, problems };
}
