/** A shell word in single quotes: nothing inside is expanded. */
export const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * Replaces every id the run learnt by the shell variable that holds it in the script (`${NAME}`), and
 * the run's own suffix by `${RUN}`.
 */
export function symbolic(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [value, name] of names) out = out.replaceAll(value, `\${${name}}`);
  return out;
}

/**
 * A text with `${NAME}` placeholders as one shell word: the literal parts single-quoted (so JSON's
 * quotes, `$` and backquotes stay as they are), the variables double-quoted between them.
 */
export function shellWord(text: string): string {
  const parts = text.split(/(\$\{[A-Za-z_][A-Za-z0-9_]*\})/);
  return (
    parts
      .filter((p) => p !== '')
      .map((p) => (/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(p) ? `"${p}"` : quote(p)))
      .join('') || "''"
  );
}
