import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateEntry } from './entry-validator.ts';
import { type Problem, problemAt } from './problem.ts';
import { emptySourced, type ImportedPart, type Sourced } from './sourced-config.ts';
import { readElement, type XmlNode } from './xml-element-reader.ts';
import { xmlEntryReaders } from './xml-entries.ts';
import { maxXmlDepth, scanXml } from './xml-scan.ts';

const rootOpen = '<vcert-import>';
const rootClose = '</vcert-import>';
const xmlLimitsNote = `vendor XML may have no DOCTYPE, no entity declarations and at most ${maxXmlDepth} levels of elements`;

// Each vendor element is parsed alone (memory stays that of one element, not of a tree of the whole
// file). Only the five XML entities and character references are decoded: a DOCTYPE, where other
// entities would be declared, never reaches the parser (xml-scan.ts).
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/**
 * The seed shows fragments (several top-level elements, wrappers such as TenderElementDO), so the
 * content is checked under one synthetic root; the XML declaration is blanked with spaces so that
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

/** The one vendor element `kind` in `xml`, parsed alone; undefined if the parser refuses it (never a throw). */
function parseElement(xml: string, kind: string): XmlNode | undefined {
  try {
    const child = ((parser.parse(xml) as XmlNode)[kind] as unknown[] | undefined)?.[0];
    return typeof child === 'object' && child !== null ? (child as XmlNode) : {};
  } catch {
    return undefined;
  }
}

/**
 * Reads one vendor XML file: every TenderDO, CustomerTenderGroupDO, ..., Reason in it. A file with a
 * DOCTYPE, an entity declaration or elements nested too deep is refused unread, with that one problem.
 */
export function readXmlFile(file: string, content: string): ImportedPart {
  const sourced = emptySourced();
  const lineAt = lineCounter(content);
  const scan = scanXml(content, (name) => name in xmlEntryReaders);
  if (!scan.ok) {
    const where = { file, element: 'document', line: lineAt(scan.offset) };
    const refusal = problemAt(where, `refused: ${scan.reason} (${xmlLimitsNote})`);
    return { sourced, problems: [refusal], refused: true };
  }
  const valid = XMLValidator.validate(wrap(content));
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const column = line === 1 ? col - rootOpen.length : col;
    const problem = problemAt(
      { file, element: 'document', line },
      `not well-formed XML: ${msg} (column ${column})`,
    );
    return { sourced, problems: [problem] };
  }
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  for (const { name: kind, start, end } of scan.elements) {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const origin = { file, element: `${kind} #${n}`, line: lineAt(start) };
    const node = parseElement(content.slice(start, end), kind);
    if (!node) {
      problems.push(problemAt(origin, 'not well-formed XML'));
      continue;
    }
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
  if (scan.elements.length === 0)
    problems.push(problemAt({ file, element: 'document' }, 'no tender configuration element found'));
  return { sourced, problems };
}
