/** The media type of the attachment that marks a scenario skipped because a capability is not claimed. */
export const notClaimedMediaType = 'application/vnd.vcert.not-claimed+json';

const prefix = '@capability:';

/** The capabilities named by a scenario's tags that the target does not claim. */
export function missingCapabilities(tags: readonly string[], claimed: ReadonlySet<string>): string[] {
  return tags
    .filter((t) => t.startsWith(prefix))
    .map((t) => t.slice(prefix.length))
    .filter((c) => !claimed.has(c));
}
