/**
 * What a threshold needs of a data point, read from its line's text without JSON.parse: k6 writes every
 * point as `{"metric":"NAME","type":"Point","data":{"time":"T","value":V,"tags":{...}...}}`. The
 * tags stay text; a selector's tag is looked up as the exact `"key":"value"` pair. Null when the line is
 * not laid out so, or its tags hold an escape (`\`), whose text would not compare as written: the caller
 * parses such a line whole.
 */
export interface PointText {
  time: number;
  value: number;
  /** The tags object's text, `{...}`; `{}` for none. */
  tags: string;
}

let secondKey = '';
let secondMs = 0;

/** Milliseconds of an RFC 3339 time as Go writes it (nanoseconds, any zone); the second is cached. */
export function timeOf(text: string): number {
  const dot = text.indexOf('.', 19);
  const fractionEnd = dot === 19 ? scanDigits(text, 20) : 19;
  const key = `${text.slice(0, 19)}${text.slice(fractionEnd)}`;
  if (key !== secondKey) {
    const ms = Date.parse(`${text.slice(0, 19)}${text.slice(fractionEnd)}`);
    if (Number.isNaN(ms)) return Date.parse(text);
    secondKey = key;
    secondMs = ms;
  }
  // Whole milliseconds, as Date.parse reads the same text.
  return fractionEnd > 20
    ? secondMs + Number(text.slice(20, Math.min(23, fractionEnd)).padEnd(3, '0'))
    : secondMs;
}

function scanDigits(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c < 48 || c > 57) break;
    at += 1;
  }
  return at;
}

function quotesEven(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) count += 1;
  return count % 2 === 0;
}

export function pointText(line: string): PointText | null {
  const timeAt = line.indexOf('"time":"');
  if (timeAt < 0) return null;
  const timeEnd = line.indexOf('"', timeAt + 8);
  const valueAt = line.indexOf('"value":', timeEnd);
  if (timeEnd < 0 || valueAt < 0) return null;
  let valueEnd = valueAt + 8;
  while (valueEnd < line.length && line[valueEnd] !== ',' && line[valueEnd] !== '}') valueEnd += 1;
  const value = Number(line.slice(valueAt + 8, valueEnd));
  if (Number.isNaN(value) || line.slice(valueEnd, valueEnd + 8) !== ',"tags":') return null;
  const tagsAt = valueEnd + 8;
  let tags = '{}';
  if (line.startsWith('null', tagsAt)) tags = '{}';
  else if (line[tagsAt] === '{') {
    const close = line.indexOf('}', tagsAt);
    if (close < 0) return null;
    tags = line.slice(tagsAt, close + 1);
    // An escape, a nested object, or a '}' inside a value (the text then ends inside a string: an odd
    // number of quotes): the line is parsed whole.
    if (tags.includes('\\') || tags.includes('{', 1) || !quotesEven(tags)) return null;
  } else return null;
  return { time: timeOf(line.slice(timeAt + 8, timeEnd)), value, tags };
}

/** The text a tag pair has in a tags object: `"key":"value"`. */
export const tagPair = (key: string, value: string) => `${JSON.stringify(key)}:${JSON.stringify(value)}`;
