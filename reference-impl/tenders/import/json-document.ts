import { validateEntry } from './entry-validator.ts';
import { type Problem, problemAt } from './problem.ts';
import { emptySourced, type ImportedPart, type ListName, listNames, type Sourced } from './sourced-config.ts';

/**
 * Reads the plain JSON form (TenderConfigDocument): every list optional. Each entry is checked on its
 * own so that one bad entry does not hide the problems of the others.
 */
export function readJsonDocument(file: string, document: unknown): ImportedPart {
  const sourced = emptySourced();
  const problems: Problem[] = [];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { sourced, problems: [problemAt({ file, element: '/' }, 'the JSON form must be an object')] };
  }
  for (const [key, value] of Object.entries(document)) {
    const element = `/${key}`;
    if (key === 'switches') {
      const origin = { file, element };
      problems.push(...validateEntry('switches', value, origin));
      sourced.switches.push({ value, origin } as Sourced<never>);
      continue;
    }
    if (!(listNames as readonly string[]).includes(key)) {
      problems.push(problemAt({ file, element }, `unknown list ${key}`));
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push(problemAt({ file, element }, `${key} must be an array`));
      continue;
    }
    const list = sourced[key as ListName] as Sourced<unknown>[];
    value.forEach((entry: unknown, i: number) => {
      const origin = { file, element: `${element}/${i}` };
      problems.push(...validateEntry(key as ListName, entry, origin));
      list.push({ value: entry, origin });
    });
  }
  return { sourced, problems };
}

/** Parses a JSON file's text, then reads it. */
export function readJsonFile(file: string, content: string): ImportedPart {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (err) {
    const sourced = emptySourced();
    return { sourced, problems: [problemAt({ file, element: '/' }, `not JSON: ${(err as Error).message}`)] };
  }
  return readJsonDocument(file, document);
}
