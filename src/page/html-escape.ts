const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] as string);
}

/**
 * A value as JSON that is safe inside `<script type="application/json">`: every `<` is written
 * `\u003c` (so no `</script>` or `<!--` can end the element early); JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Script source made safe to inline in a `<script>` element; refuses source that would end it early. */
export function inlineScript(source: string): string {
  if (/<\/script|<!--/i.test(source)) throw new Error('inline script contains </script or <!--');
  return source;
}
