/** Where a configuration entry came from: the file, the element (XML) or JSON pointer, and the line if known. */
export interface Origin {
  file: string;
  element: string;
  line?: number;
}

/** One thing wrong with a configuration. An import lists every one of them, never just the first. */
export interface Problem extends Origin {
  message: string;
}

export function problemAt(origin: Origin, message: string): Problem {
  return origin.line === undefined
    ? { file: origin.file, element: origin.element, message }
    : { file: origin.file, element: origin.element, line: origin.line, message };
}

/** `file:line element: message`, the form the CLI prints. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where} ${p.element}: ${p.message}`;
}
