/** The item a generated index designates among those that exist now (indices wrap), or undefined. */
export function pickOf<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}
